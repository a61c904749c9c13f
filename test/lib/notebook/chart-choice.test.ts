import { describe, expect, it } from "vitest";
import { chartChoice, markFor } from "../../../src/lib/notebook/chart-choice.js";

describe("chartChoice", () => {
  it("puts a category on x and the first number after it on y, with bars first", () => {
    const choice = chartChoice([
      { name: "n0", type: "integer" },
      { name: "sector", type: "string" },
      { name: "commitments", type: "integer" },
    ]);
    expect(choice).toEqual({ x: "sector", xKind: "category", y: "commitments", marks: ["bar", "dot"] });
  });

  it("prefers a date to a category, with a line first", () => {
    const choice = chartChoice([
      { name: "title", type: "string" },
      { name: "date", type: "date" },
      { name: "share", type: "number" },
    ]);
    expect(choice).toMatchObject({ x: "date", xKind: "date", y: "share" });
    expect(choice?.marks[0]).toBe("line");
  });

  it("gives none without a number, or without a category or date", () => {
    expect(chartChoice([{ name: "a", type: "string" }])).toBeNull();
    expect(
      chartChoice([
        { name: "a", type: "integer" },
        { name: "b", type: "number" },
      ]),
    ).toBeNull();
    expect(chartChoice([])).toBeNull();
  });
});

describe("markFor", () => {
  const choice = { x: "s", xKind: "category" as const, y: "n", marks: ["bar", "dot"] as const };
  it("keeps a mark that suits, else falls back to the default", () => {
    expect(markFor({ ...choice, marks: [...choice.marks] }, "dot")).toBe("dot");
    expect(markFor({ ...choice, marks: [...choice.marks] }, "line")).toBe("bar");
    expect(markFor({ ...choice, marks: [...choice.marks] }, undefined)).toBe("bar");
  });
});
