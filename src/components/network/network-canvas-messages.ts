/**
 * What the page and the network canvas's worker say to each other
 * (network-canvas.ts, network-canvas-worker.ts): the page hands over the
 * canvas, then sends its size, each scene (packed), node places after a
 * drag and one message per frame; the worker answers each frame once it is
 * drawn, with how it drew it.
 */
import type { FrameDraw } from "../../lib/network/frame-plan.js";
import type { PackedPaintScene, PaintPlaces } from "../../lib/network/paint-scene.js";
import type { ViewTransform } from "../../lib/network/view-transform.js";
import type { Ink } from "./network-canvas-paint.js";

/** One frame: the view, the highlight, and the facts the frame plan needs that the page knows. */
export interface FrameRequest {
  kind: "frame";
  /** Counts the page's frames; the answer carries it. */
  frame: number;
  transform: ViewTransform;
  /** The drawing's size in CSS pixels, and device pixels per CSS pixel. */
  width: number;
  height: number;
  dpr: number;
  ink: Ink;
  /** New nodes faded in, 0–1. */
  fade: number;
  /** The highlighted ids (hovered or selected node and its neighbours), or null. */
  highlight: string[] | null;
  selected: string | null;
  /** A zoom or pan came less than SETTLE_MS ago. */
  inGesture: boolean;
  /** The first frame of the scene last sent. */
  newScene: boolean;
}

export type CanvasRequest =
  | { kind: "canvas"; canvas: OffscreenCanvas }
  | { kind: "size"; width: number; height: number }
  | { kind: "scene"; scene: PackedPaintScene }
  | { kind: "places"; places: PaintPlaces }
  | FrameRequest;

/** The worker's answer to a frame, once drawn; or what failed. */
export type CanvasReply =
  | {
      kind: "frame";
      frame: number;
      /** How it was drawn (the frame plan). */
      draw: FrameDraw;
      /** Links stroked (a link is one line or curve). */
      links: number;
      /** When it was drawn: the worker's performance.timeOrigin + performance.now() (ms since the epoch). */
      drawnAt: number;
    }
  | { kind: "error"; message: string };
