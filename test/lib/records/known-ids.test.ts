// KnownIds answers like a Set of every id filled while reading, valid records and invalid ones interleaved.
import { describe, expect, it } from "vitest";
import { groupBy } from "../../../src/lib/records/groups.js";
import { didYouMean, type InvalidId, KnownIds, namesOf } from "../../../src/lib/records/known-ids.js";

describe("KnownIds", () => {
  it("has the same ids, size and order as a Set filled in reading order", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 50; round++) {
      const reference = new Set<string>();
      const valid: string[] = [];
      const invalid: InvalidId[] = [];
      const n = Math.floor(random() * 40);
      for (let k = 0; k < n; k++) {
        const id = `id-${Math.floor(random() * 15)}`;
        reference.add(id);
        if (random() < 0.3) invalid.push({ id, before: valid.length });
        else valid.push(id);
      }
      const known = new KnownIds(groupBy(valid, valid.length).first, valid, invalid);
      expect([...known]).toEqual([...reference]);
      expect(known.size).toBe(reference.size);
      for (let k = 0; k < 16; k++) expect(known.has(`id-${k}`)).toBe(reference.has(`id-${k}`));
    }
  });
});

describe("likelyMeant", () => {
  const ids = ["industry", "transport_logistics", "trade", "pk-navttc", "pk-gov", "by-gov", "pk-hec"];
  const names = namesOf(
    ids,
    [
      [
        "Industry",
        "Transport and logistics",
        "Trade",
        "National Vocational and Technical Training Commission",
        "Government of Pakistan",
        "Government of Belarus",
        "Higher Education Commission",
      ],
      [null, null, null, "NAVTTC", null, null, "HEC"],
      [[], [], [], [], ["GoP"], [], []],
    ],
    ids.length,
  );
  const known = new KnownIds(groupBy(ids, ids.length).first, ids, [], () => names);

  it("suggests an id a letter or two away", () => {
    expect(known.likelyMeant("industri")).toEqual(["industry"]);
    expect(known.likelyMeant("pk-navtc")).toEqual(["pk-navttc"]);
  });

  it("suggests the ids a word or prefix belongs to", () => {
    expect(known.likelyMeant("transport")).toEqual(["transport_logistics"]);
    expect(known.likelyMeant("navttc")).toEqual(["pk-navttc"]);
    expect(known.likelyMeant("gov")).toEqual(["pk-gov", "by-gov"]);
  });

  it("maps a name, acronym or alias to its id, whatever its case", () => {
    expect(known.likelyMeant("NAVTTC")).toEqual(["pk-navttc"]);
    expect(known.likelyMeant("government of pakistan")).toEqual(["pk-gov"]);
    expect(known.likelyMeant("GoP")).toEqual(["pk-gov"]);
    expect(known.likelyMeant("HEC")).toEqual(["pk-hec"]);
  });

  it("suggests nothing for an unrelated value, a too-short word or too many matches", () => {
    expect(known.likelyMeant("aviation")).toEqual([]);
    expect(known.likelyMeant("pk")).toEqual([]);
    const many = ["transport-air", "transport-rail", "transport-road", "transport-sea", "transport-pipe"];
    const wide = new KnownIds(groupBy(many, many.length).first, many, []);
    expect(wide.likelyMeant("transport", 5)).toHaveLength(5);
    expect(wide.likelyMeant("transport", 3)).toEqual([]);
  });

  it("leaves out a name shared by two records", () => {
    const twin = namesOf(["a", "b"], [["Ministry", "Ministry"]], 2);
    expect(twin.has("ministry")).toBe(false);
    expect(twin.get("a")).toBe("a");
  });

  it("words the hint for none, one and several ids", () => {
    expect(didYouMean([])).toBe("");
    expect(didYouMean(["a"])).toBe(' (did you mean "a"?)');
    expect(didYouMean(["a", "b", "c"])).toBe(' (did you mean "a", "b" or "c"?)');
  });
});
