// KnownIds answers like a Set of every id filled while reading, valid records and invalid ones interleaved.
import { describe, expect, it } from "vitest";
import { groupBy } from "../../../src/lib/records/groups.js";
import { type InvalidId, KnownIds } from "../../../src/lib/records/known-ids.js";

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
