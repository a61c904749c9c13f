/**
 * What the network chart asks of a renderer; the SVG one
 * (network-svg.ts) and the canvas one (network-canvas.ts) both implement it.
 * The chart shows one of them at a time.
 */
import type { Scene } from "../../lib/network/scene.js";

export interface NetworkRenderer {
  /** The drawing's elements, bottom first. */
  readonly elements: readonly (SVGSVGElement | HTMLCanvasElement)[];
  /** Shows or hides the drawing. */
  show(visible: boolean): void;
  /** Sets the drawing's accessible name. */
  describe(label: string): void;
  resize(width: number, height: number): void;
  /** A new scene arrived; `active` when this renderer is the one that draws it. */
  setScene(scene: Scene, active: boolean): void;
  /** Something changed that the next frame must redo: node places, or highlight styles. */
  invalidate(part: "geometry" | "style"): void;
  /** Draws a frame with new elements `fade` (0–1) faded in; true when another frame is needed. */
  draw(fade: number): boolean;
  /**
   * Calls back once the frame last asked for is drawn, with when
   * (performance.now()): at once for SVG, when the worker says so for the canvas.
   */
  afterDraw(callback: (at: number) => void): void;
}
