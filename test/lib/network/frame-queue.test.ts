import { describe, expect, it } from "vitest";
import { FrameQueue } from "../../../src/lib/network/frame-queue.js";

const frame = (n: number, newScene = false) => ({ n, newScene });

describe("FrameQueue", () => {
  it("sends a frame at once when none is being drawn", () => {
    const queue = new FrameQueue<{ n: number; newScene: boolean }>();
    expect(queue.ask(frame(1))).toEqual(frame(1));
    expect(queue.drawn()).toBeNull();
    expect(queue.ask(frame(2))).toEqual(frame(2));
  });

  it("keeps only the latest frame asked for while one is drawn, and sends it once that one is drawn", () => {
    const queue = new FrameQueue<{ n: number; newScene: boolean }>();
    queue.ask(frame(1));
    expect(queue.ask(frame(2))).toBeNull();
    expect(queue.ask(frame(3))).toBeNull();
    expect(queue.drawn()).toEqual(frame(3));
    // Frame 3 is now being drawn: the next waits for it.
    expect(queue.ask(frame(4))).toBeNull();
    expect(queue.drawn()).toEqual(frame(4));
    expect(queue.drawn()).toBeNull();
  });

  it("marks the frame that replaces a scene's first frame as the first of its scene", () => {
    const queue = new FrameQueue<{ n: number; newScene: boolean }>();
    queue.ask(frame(1));
    queue.ask(frame(2, true));
    queue.ask(frame(3));
    expect(queue.drawn()).toEqual(frame(3, true));
  });
});
