/**
 * Reading what the Event Timing observer recorded: entries grouped by
 * interactionId (the longest one's duration and its parts), the slowest
 * interaction in a window, an input without an entry (faster than the 16 ms
 * threshold) told apart from no input at all, and the longest task by kind.
 */
import { describe, expect, it } from "vitest";
import {
  describeInteraction,
  type EventEntry,
  groupInteractions,
  interactionIn,
  interactionMs,
  longestTaskIn,
  type TaskEntry,
} from "../../devtools/event-timing.js";

const entry = (name: string, interactionId: number, startTime: number, duration: number, delay = 2, work = 10) => ({
  name,
  interactionId,
  startTime,
  duration,
  processingStart: startTime + delay,
  processingEnd: startTime + delay + work,
});

describe("groupInteractions", () => {
  it("groups by interactionId, takes the longest entry's duration and splits it into delay, processing and presentation", () => {
    const entries: EventEntry[] = [
      entry("pointerdown", 7, 100, 24),
      entry("pointerup", 7, 180, 40),
      entry("click", 7, 181, 104, 5, 60),
      entry("pointermove", 0, 90, 200),
      entry("keydown", 9, 500, 16),
    ];
    expect(groupInteractions(entries)).toEqual([
      {
        id: 7,
        start: 100,
        duration: 104,
        inputDelay: 5,
        processing: 60,
        presentation: 39,
        events: ["click", "pointerdown", "pointerup"],
      },
      { id: 9, start: 500, duration: 16, inputDelay: 2, processing: 10, presentation: 4, events: ["keydown"] },
    ]);
  });

  it("merges a first-input entry into its interaction without counting it twice", () => {
    const entries = [entry("pointerdown", 3, 10, 56), { ...entry("pointerdown", 3, 10, 56) }];
    const [only, ...rest] = groupInteractions(entries);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ id: 3, duration: 56, events: ["pointerdown"] });
  });
});

describe("interactionIn", () => {
  const events = [entry("click", 1, 100, 48), entry("keydown", 2, 300, 120), entry("click", 3, 900, 200)];

  it("picks the slowest interaction that started in the window, and counts them", () => {
    const result = interactionIn({ events, inputs: [] }, 50, 400);
    expect(result.kind).toBe("measured");
    if (result.kind !== "measured") return;
    expect(result.interaction.id).toBe(2);
    expect(result.count).toBe(2);
    expect(interactionMs(result)).toBe(120);
    expect(describeInteraction(result, 100)).toEqual({ value: "120 ms", mark: "✗" });
  });

  it("reads an input without an entry as faster than the threshold, and nothing at all as no input", () => {
    const seen = interactionIn({ events, inputs: [{ type: "keydown", at: 1500 }] }, 1000, 2000);
    expect(seen).toEqual({ kind: "under-threshold", inputs: 1 });
    expect(interactionMs(seen)).toBe(16);
    expect(describeInteraction(seen, 100)).toEqual({ value: "< 16 ms", mark: "✓" });
    const none = interactionIn({ events, inputs: [{ type: "keydown", at: 2500 }] }, 1000, 2000);
    expect(none).toEqual({ kind: "no-input" });
    expect(interactionMs(none)).toBeNull();
    expect(describeInteraction(none, 100).mark).toBe("");
  });
});

describe("longestTaskIn", () => {
  const tasks: TaskEntry[] = [
    { kind: "longtask", start: 10, duration: 300 },
    { kind: "longtask", start: 200, duration: 80 },
    { kind: "long-animation-frame", start: 210, duration: 140 },
  ];
  it("keeps tasks of one kind that started in the window", () => {
    expect(longestTaskIn(tasks, "longtask", 100)).toBe(80);
    expect(longestTaskIn(tasks, "longtask", 0, 100)).toBe(300);
    expect(longestTaskIn(tasks, "long-animation-frame", 100)).toBe(140);
    expect(longestTaskIn(tasks, "longtask", 500)).toBe(0);
  });
});
