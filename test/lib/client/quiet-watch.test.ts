/** The quiet-spell watch of the query engine's start, on fake timers. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { quietWatch } from "../../../src/lib/client/quiet-watch.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function watched() {
  const events: string[] = [];
  const watch = quietWatch({
    slowMs: 60_000,
    stallMs: 300_000,
    onSlow: (slow) => events.push(slow ? "slow" : "moving"),
    onStall: () => events.push("stalled"),
  });
  return { events, watch };
}

describe("quietWatch", () => {
  it("says slow after a quiet minute, keeps waiting, and calls it stalled only after five", () => {
    const { events } = watched();
    vi.advanceTimersByTime(59_999);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(["slow"]);
    vi.advanceTimersByTime(239_999);
    expect(events).toEqual(["slow"]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(["slow", "stalled"]);
  });

  it("starts the quiet spell again with each report, and says when a slow spell ends", () => {
    const { events, watch } = watched();
    vi.advanceTimersByTime(50_000);
    watch.progress();
    vi.advanceTimersByTime(50_000);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(10_000);
    expect(events).toEqual(["slow"]);
    watch.progress();
    expect(events).toEqual(["slow", "moving"]);
    vi.advanceTimersByTime(299_999);
    expect(events).toEqual(["slow", "moving", "slow"]);
  });

  it("is silent once stopped, ending a slow spell in course", () => {
    const { events, watch } = watched();
    vi.advanceTimersByTime(70_000);
    watch.stop();
    vi.advanceTimersByTime(1_000_000);
    watch.progress();
    expect(events).toEqual(["slow", "moving"]);
  });
});
