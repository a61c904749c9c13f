import { describe, expect, it } from "vitest";
import { choiceWindow } from "../../../src/lib/model/choice-window.js";

const TEXTS = ["alpha bank", "beta ministry", "gamma bank", "delta agency", "epsilon bank", "zeta ministry"];
const none = () => false;

describe("choiceWindow", () => {
  it("shows the first `limit` choices in list order, and counts all that match", () => {
    expect(choiceWindow(TEXTS, "", none, 3)).toEqual({ shown: [0, 1, 2], matching: 6 });
    expect(choiceWindow(TEXTS, "", none, 10)).toEqual({ shown: [0, 1, 2, 3, 4, 5], matching: 6 });
  });

  it("keeps only the choices whose text holds the query, trimmed and in any case", () => {
    expect(choiceWindow(TEXTS, "  BANK ", none, 10)).toEqual({ shown: [0, 2, 4], matching: 3 });
    expect(choiceWindow(TEXTS, "bank", none, 2)).toEqual({ shown: [0, 2], matching: 3 });
    expect(choiceWindow(TEXTS, "nothing", none, 10)).toEqual({ shown: [], matching: 0 });
  });

  it("puts the ticked matches first, then the others in order, still cut at the limit", () => {
    const ticked = (i: number) => i === 4 || i === 5;
    expect(choiceWindow(TEXTS, "", ticked, 3)).toEqual({ shown: [4, 5, 0], matching: 6 });
    // A ticked choice that does not match stays out.
    expect(choiceWindow(TEXTS, "bank", ticked, 10)).toEqual({ shown: [4, 0, 2], matching: 3 });
  });

  it("a larger limit extends the smaller one's rows (Show more appends)", () => {
    const ticked = (i: number) => i === 3;
    const small = choiceWindow(TEXTS, "", ticked, 2).shown;
    const large = choiceWindow(TEXTS, "", ticked, 4).shown;
    expect(large.slice(0, small.length)).toEqual(small);
    expect(large).toEqual([3, 0, 1, 2]);
  });

  it("at 5,000 choices: counts every match, shows only the first `limit`", () => {
    const many = Array.from({ length: 5000 }, (_, i) => `institution ${i}`);
    const window = choiceWindow(many, "institution 49", none, 100);
    expect(window.matching).toBe(111); // 49, 490–499, 4900–4999
    expect(window.shown.slice(0, 3)).toEqual([49, 490, 491]);
    expect(choiceWindow(many, "", none, 0)).toEqual({ shown: [], matching: 5000 });
  });
});
