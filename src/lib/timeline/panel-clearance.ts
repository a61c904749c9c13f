/**
 * Where a card's control (its Share button) goes while the timeline's
 * commitment panel is open: the panel is fixed at the right of the window
 * and covers the right of the page, where the cards' Share buttons are.
 * A control the panel would cover moves left of it, so it stays usable and
 * covers none of the panel's text; when there is no room for it left of the
 * panel (the panel fills a phone's window), it stays where it is, under the
 * panel, until the panel closes.
 * Pure layout, in viewport pixels: src/components/timeline/panel-clearance.ts
 * reads the boxes and applies the shift.
 */

/** Pixels kept between a moved control and the panel's edge. */
export const PANEL_GAP = 12;

export interface Span {
  left: number;
  right: number;
}

/**
 * How far `control` must move left to end PANEL_GAP before `panelLeft`: 0
 * when it already does; null when moving it would take it past `room.left`
 * (the left edge of the card it belongs to), so the panel covers it.
 */
export function panelClearance(control: Span, panelLeft: number, room: Pick<Span, "left">): number | null {
  const shift = control.right + PANEL_GAP - panelLeft;
  if (shift <= 0) return 0;
  return control.left - shift >= room.left ? Math.ceil(shift) : null;
}
