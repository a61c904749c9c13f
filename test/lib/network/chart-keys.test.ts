import { describe, expect, it } from "vitest";
import { keyCommand, PAN_STEP, ZOOM_STEP } from "../../../src/lib/network/chart-keys.js";

describe("keyCommand", () => {
  it("zooms in and out by the same step with + / = and − / _", () => {
    expect(keyCommand("+")).toEqual({ kind: "zoom", factor: ZOOM_STEP });
    expect(keyCommand("=")).toEqual(keyCommand("+"));
    expect(keyCommand("-")).toEqual({ kind: "zoom", factor: 1 / ZOOM_STEP });
    expect(keyCommand("_")).toEqual(keyCommand("-"));
    expect(ZOOM_STEP).toBeGreaterThan(1);
  });

  it("moves the drawing with Shift and the arrow keys, the way the arrow points the view", () => {
    expect(keyCommand("ArrowLeft", true)).toEqual({ kind: "pan", dx: PAN_STEP, dy: 0 });
    expect(keyCommand("ArrowRight", true)).toEqual({ kind: "pan", dx: -PAN_STEP, dy: 0 });
    expect(keyCommand("ArrowUp", true)).toEqual({ kind: "pan", dx: 0, dy: PAN_STEP });
    expect(keyCommand("ArrowDown", true)).toEqual({ kind: "pan", dx: 0, dy: -PAN_STEP });
  });

  it("leaves plain arrow keys to the movement between nodes", () => {
    for (const key of ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"]) expect(keyCommand(key)).toBeNull();
  });

  it("fits with 0, clears with Escape and leaves other keys alone", () => {
    expect(keyCommand("0")).toEqual({ kind: "fit" });
    expect(keyCommand("Escape")).toEqual({ kind: "clear" });
    for (const key of ["a", "Enter", "Tab", " ", "1", "Home", "End"]) expect(keyCommand(key)).toBeNull();
  });
});
