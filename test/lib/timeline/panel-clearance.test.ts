import { describe, expect, it } from "vitest";
import { PANEL_GAP, panelClearance } from "../../../src/lib/timeline/panel-clearance.js";

describe("a card's control beside the open commitment panel", () => {
  const card = { left: 300 };
  it("moves left of the panel, PANEL_GAP before its edge, when the panel would cover it", () => {
    // The Share button of the first screenshot: 1,780–1,840 px, the panel from 1,460 px.
    const shift = panelClearance({ left: 1780, right: 1840 }, 1460, card);
    expect(shift).toBe(1840 + PANEL_GAP - 1460);
    expect(1840 - (shift as number)).toBe(1460 - PANEL_GAP);
  });

  it("stays where it is when it is already clear of the panel, even by less than the gap", () => {
    expect(panelClearance({ left: 1000, right: 1060 }, 1460, card)).toBe(0);
    expect(panelClearance({ left: 1380, right: 1448 }, 1460, card)).toBe(0);
    expect(panelClearance({ left: 1380, right: 1449 }, 1460, card)).toBe(1);
  });

  it("is covered (null) when there is no room left of the panel within its card (a phone)", () => {
    // A 390 px window: the panel fills it.
    expect(panelClearance({ left: 300, right: 370 }, 0, { left: 16 })).toBeNull();
    // Just room: the control's left lands on the card's left.
    expect(panelClearance({ left: 400, right: 460 }, 412, { left: 340 })).toBe(60);
    expect(panelClearance({ left: 400, right: 460 }, 412, { left: 341 })).toBeNull();
  });

  it("moves by whole pixels", () => {
    expect(panelClearance({ left: 1780.4, right: 1840.4 }, 1460, card)).toBe(393);
  });
});
