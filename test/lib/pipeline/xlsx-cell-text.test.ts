import { describe, expect, it } from "vitest";
import { cellText } from "../../../src/lib/pipeline/xlsx-cell-text.js";

describe("a workbook cell as text", () => {
  it("keeps text, writes numbers as written and booleans as a spreadsheet shows them", () => {
    expect(cellText("pk-by-jmc-8")).toBe("pk-by-jmc-8");
    expect(cellText(8)).toBe("8");
    expect(cellText(2026)).toBe("2026");
    expect(cellText(0.25)).toBe("0.25");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(false)).toBe("FALSE");
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
  });

  it("writes a date cell as its day, YYYY-MM-DD", () => {
    expect(cellText(new Date(Date.UTC(2025, 1, 10)))).toBe("2025-02-10");
    expect(cellText(new Date(Date.UTC(999, 0, 1)))).toBe("0999-01-01");
  });

  it("refuses a date with a time of day rather than drop the time", () => {
    expect(cellText(new Date(Date.UTC(2025, 1, 10, 14, 30)))).toEqual({
      message: "is a date with a time of day",
      expected: "a date alone (YYYY-MM-DD), or a date written as text",
      value: "2025-02-10 14:30:00",
    });
  });

  it("reads rich text, hyperlinks and formulas by their text and result", () => {
    expect(cellText({ richText: [{ text: "Minsk " }, { font: { bold: true }, text: "Tractor" }] })).toBe(
      "Minsk Tractor",
    );
    expect(cellText({ text: "the report", hyperlink: "https://example.org" })).toBe("the report");
    expect(cellText({ text: { richText: [{ text: "a" }, { text: "b" }] }, hyperlink: "https://x.org" })).toBe("ab");
    expect(cellText({ formula: "A1+1", result: 9 })).toBe("9");
    expect(cellText({ sharedFormula: "B2", result: "done" })).toBe("done");
    expect(cellText({ formula: "DATE(2025,2,10)", result: new Date(Date.UTC(2025, 1, 10)) })).toBe("2025-02-10");
  });

  it("refuses error values, formulas without a result, links without text and other kinds", () => {
    expect(cellText({ error: "#N/A" })).toMatchObject({ message: "is an error value (#N/A)" });
    expect(cellText({ formula: "1/0", result: { error: "#DIV/0!" } })).toMatchObject({
      message: "is an error value (#DIV/0!)",
    });
    expect(cellText({ formula: "A1*2" })).toMatchObject({
      message: "is a formula without a saved result",
      value: "=A1*2",
    });
    expect(cellText({ hyperlink: "https://example.org" })).toMatchObject({
      message: "is a link without text",
      value: "https://example.org",
    });
    expect(cellText({ checkbox: true })).toMatchObject({ message: "is a cell of a kind that cannot be read as text" });
    expect(cellText(Number.NaN)).toMatchObject({ message: "is a cell of a kind that cannot be read as text" });
  });
});
