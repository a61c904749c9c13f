import { describe, expect, it } from "vitest";
import { changedChoices, withChoice } from "../../../src/lib/model/choice-selection.js";

describe("withChoice", () => {
  it("ticks an id into its sorted place, without repeats, and leaves the input alone", () => {
    const ids = ["a", "c"];
    expect(withChoice(ids, "b", true)).toEqual(["a", "b", "c"]);
    expect(withChoice(ids, "c", true)).toEqual(["a", "c"]);
    expect(ids).toEqual(["a", "c"]);
  });

  it("unticks an id, and unticking one not there changes nothing", () => {
    expect(withChoice(["a", "b", "c"], "b", false)).toEqual(["a", "c"]);
    expect(withChoice(["a"], "z", false)).toEqual(["a"]);
    expect(withChoice([], "a", false)).toEqual([]);
  });
});

describe("changedChoices", () => {
  it("lists the ids ticked or unticked between two selections, and nothing else", () => {
    expect(changedChoices(new Set(["a", "b"]), new Set(["b", "c"])).sort()).toEqual(["a", "c"]);
    expect(changedChoices(new Set(["a"]), new Set(["a"]))).toEqual([]);
    expect(changedChoices(new Set(), new Set(["x"]))).toEqual(["x"]);
  });

  it("does not grow with the ids that stay (one change in 5,000 is one id)", () => {
    const before = new Set(Array.from({ length: 5000 }, (_, i) => `i${i}`));
    const after = new Set(before);
    after.delete("i17");
    expect(changedChoices(before, after)).toEqual(["i17"]);
  });
});
