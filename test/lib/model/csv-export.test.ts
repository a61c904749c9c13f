import { csvParse } from "d3";
import { describe, expect, it } from "vitest";
import { safeCell, toCsv } from "../../../src/lib/model/csv-export.js";

describe("csv export", () => {
  it("quotes commas, quotes and line breaks so every row parses back", () => {
    const rows = [
      { id: "a", summary: 'MoU on "vocational" training, signed\nin Minsk', n: 3 },
      { id: "b", summary: null, n: 0 },
    ];
    const text = toCsv(rows, ["id", "summary", "n"]);
    const back = csvParse(text);
    expect(back).toHaveLength(2);
    expect(back[0].summary).toBe(rows[0].summary);
    expect(back[1].summary).toBe("");
    expect(back.columns).toEqual(["id", "summary", "n"]);
  });

  it("defuses spreadsheet formulas and keeps numbers", () => {
    expect(safeCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(safeCell("+1")).toBe("'+1");
    expect(safeCell("@cmd")).toBe("'@cmd");
    expect(safeCell("-cmd")).toBe("'-cmd");
    expect(safeCell("-12.5")).toBe("-12.5");
    expect(safeCell(-3)).toBe("-3");
    expect(safeCell("Heavy Industries Taxila")).toBe("Heavy Industries Taxila");
  });
});
