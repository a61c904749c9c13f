import { describe, expect, it } from "vitest";
import { chartFrame } from "../../../src/lib/timeline/lane-layout.js";
import { estimateWidth, fitText, labelColumnWidth, nameRoom } from "../../../src/lib/timeline/lane-names.js";
import { laneName } from "../../../src/lib/timeline/timeline-chart-words.js";

/** 6 px a character: easy to count. */
const six = (text: string) => text.length * 6;
const LONG = { label: "Labour migration & overseas employment", n: 12 }; // 38 characters

describe("lane names", () => {
  it("gives the label column what the longest name and its count need, within a share of the chart", () => {
    // 18 (glyph) + 38×6 + 10 + 2×6 + 8 = 276
    expect(labelColumnWidth([LONG, { label: "Trade", n: 3 }], 1200, six)).toBe(276);
    expect(labelColumnWidth([{ label: "Trade", n: 3 }], 1200, six)).toBe(120);
    expect(labelColumnWidth([LONG], 700, six)).toBe(238); // 34% of 700
    expect(chartFrame(1200, { lanes: [LONG], measure: six }).labelWidth).toBe(276);
    expect(chartFrame(500, { lanes: [LONG], measure: six }).labelWidth).toBe(8);
  });

  it("shows a name whole when it fits, as the column was sized for it", () => {
    const width = labelColumnWidth([LONG], 1200, six);
    expect(laneName(LONG, false, width, six)).toBe(LONG.label);
    expect(nameRoom(LONG, width, six)).toBe(six(LONG.label));
    // Widths in fractions of a pixel: the column is rounded up, never below what the name needs.
    const fractional = (text: string) => text.length * 6.03;
    const column = labelColumnWidth([LONG], 1200, fractional);
    expect(laneName(LONG, false, column, fractional)).toBe(LONG.label);
  });

  it("cuts a name at a word only when the room is short", () => {
    expect(fitText(LONG.label, six("Labour migration &"), six)).toBe("Labour migration…");
    expect(fitText("Pharmaceuticals", six("Pharmac…"), six)).toBe("Pharmac…");
    expect(fitText("Energy", 10, six)).toBe("…");
    expect(laneName(LONG, false, 238, six)).toBe("Labour migration & overseas…");
  });

  it("estimates 7.4 px a character when nothing measures", () => {
    expect(estimateWidth("abcde")).toBe(37);
  });
});
