/**
 * What a key does to the network chart's view while it has focus: + and −
 * zoom by ZOOM_STEP, Shift + arrow keys pan by PAN_STEP pixels, 0 fits the
 * drawing, Escape clears the selection. Plain arrow keys, Home, End and
 * Enter move between nodes and select one (src/components/network/
 * network-keyboard.ts); other keys do nothing (the page keeps them).
 */

/** Zoom factor of one + key or button press. */
export const ZOOM_STEP = 1.4;
/** Screen pixels one arrow key pans. */
export const PAN_STEP = 80;

export type KeyCommand =
  | { kind: "zoom"; factor: number }
  /** Move the drawing by (dx, dy) screen pixels. */
  | { kind: "pan"; dx: number; dy: number }
  | { kind: "fit" }
  | { kind: "clear" };

/** The command of a key; arrow keys pan only with Shift (without it they move between nodes). */
export function keyCommand(key: string, shift = false): KeyCommand | null {
  if (key.startsWith("Arrow") && !shift) return null;
  switch (key) {
    case "+":
    case "=":
      return { kind: "zoom", factor: ZOOM_STEP };
    case "-":
    case "_":
      return { kind: "zoom", factor: 1 / ZOOM_STEP };
    case "ArrowLeft":
      return { kind: "pan", dx: PAN_STEP, dy: 0 };
    case "ArrowRight":
      return { kind: "pan", dx: -PAN_STEP, dy: 0 };
    case "ArrowUp":
      return { kind: "pan", dx: 0, dy: PAN_STEP };
    case "ArrowDown":
      return { kind: "pan", dx: 0, dy: -PAN_STEP };
    case "0":
      return { kind: "fit" };
    case "Escape":
      return { kind: "clear" };
    default:
      return null;
  }
}
