import { describe, expect, it } from "vitest";
import { labelPadding, ROOM_LABELS, withFooter } from "../../../src/lib/network/frame-padding.js";

const room = { labelSize: 18, labelWidths: [120, 80], maxRadius: 10, width: 1200, height: 500 };

describe("labelPadding", () => {
  it("keeps half the widest large node's label on each side, and a line of label above and below", () => {
    expect(labelPadding(room)).toEqual({ top: 10 + 18 * 1.4 + 4, right: 74, bottom: 10 + 18 * 1.4 + 4, left: 74 });
  });

  it("grows with the label size", () => {
    const small = labelPadding({ ...room, labelSize: 12 });
    expect(small.top).toBeLessThan(labelPadding(room).top);
  });

  it("counts only the labels of the largest nodes", () => {
    const widths = [...Array(ROOM_LABELS).fill(40), 900];
    expect(labelPadding({ ...room, labelWidths: widths }).left).toBe(34);
  });

  it("never takes more than a fifth of the drawing, nor less than 24 px", () => {
    const huge = labelPadding({ ...room, labelWidths: [5000], width: 400, height: 100 });
    expect(huge.left).toBe(80);
    expect(huge.top).toBe(20);
    expect(labelPadding({ ...room, labelWidths: [], maxRadius: 0, labelSize: 8 }).left).toBe(24);
  });
});

describe("withFooter", () => {
  const even = { top: 48, right: 48, bottom: 48, left: 48 };

  it("adds the footer's height below, and nothing elsewhere", () => {
    expect(withFooter(even, 34, 620)).toEqual({ top: 48, right: 48, bottom: 82, left: 48 });
  });

  it("never takes more than a third of the drawing, nor less than the padding was", () => {
    expect(withFooter(even, 400, 300).bottom).toBe(100);
    expect(withFooter(even, 400, 90).bottom).toBe(48);
    expect(withFooter(even, -5, 620).bottom).toBe(48);
  });
});
