/**
 * Interaction to Next Paint as Chromium reports it, for the benchmarks: the
 * script a page runs before its own (PerformanceObserver on the Event Timing
 * API's `event` and `first-input` entries, long tasks and long animation
 * frames, and the inputs seen), and the pure reading of what it recorded:
 * entries grouped by interactionId into interactions, the interaction a
 * scripted input caused, and the longest task in a window.
 *
 * An interaction's duration is its longest event entry's (input delay +
 * processing + presentation, to the next paint), as INP counts it; Chromium
 * rounds it to 8 ms and reports only entries of at least `durationThreshold`
 * (16 ms, the least it allows), so an input seen without an entry took less.
 */

/** The smallest durationThreshold Chromium allows: faster interactions leave no entry. */
export const EVENT_THRESHOLD_MS = 16;

/** What the page keeps of a PerformanceEventTiming entry. */
export interface EventEntry {
  name: string;
  startTime: number;
  duration: number;
  processingStart: number;
  processingEnd: number;
  interactionId: number;
}

/** A long task (Long Tasks API) or a long animation frame, in page milliseconds. */
export interface TaskEntry {
  kind: "longtask" | "long-animation-frame";
  start: number;
  duration: number;
}

/** An input event the page saw (pointerdown, keydown, click), at its event.timeStamp. */
export interface InputSeen {
  type: string;
  at: number;
}

/** What the observer script collects in `window.__eventTiming`. */
export interface EventTimingRecord {
  events: EventEntry[];
  tasks: TaskEntry[];
  inputs: InputSeen[];
  supported: { event: boolean; longtask: boolean; loaf: boolean };
}

/** One interaction: its event entries grouped by interactionId. */
export interface Interaction {
  id: number;
  start: number;
  /** The longest entry's duration: what INP counts. */
  duration: number;
  inputDelay: number;
  processing: number;
  presentation: number;
  events: string[];
}

/**
 * Run in the page before its scripts (a Playwright init script). A string,
 * not a function: tsx's transform would add helpers the page lacks.
 */
export const EVENT_TIMING_OBSERVER = `(() => {
  const record = (window.__eventTiming = { events: [], tasks: [], inputs: [], supported: { event: false, longtask: false, loaf: false } });
  const keep = (e) => record.events.push({ name: e.name, startTime: e.startTime, duration: e.duration,
    processingStart: e.processingStart, processingEnd: e.processingEnd, interactionId: e.interactionId || 0 });
  const watch = (type, options, each) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true, ...options });
      return true;
    } catch { return false; }
  };
  record.supported.event = watch("event", { durationThreshold: ${EVENT_THRESHOLD_MS} }, keep);
  watch("first-input", {}, keep);
  record.supported.longtask = watch("longtask", {}, (e) => record.tasks.push({ kind: "longtask", start: e.startTime, duration: e.duration }));
  record.supported.loaf = watch("long-animation-frame", {}, (e) => record.tasks.push({ kind: "long-animation-frame", start: e.startTime, duration: e.duration }));
  for (const type of ["pointerdown", "keydown", "click"]) {
    addEventListener(type, (e) => { if (e.isTrusted) record.inputs.push({ type, at: e.timeStamp }); }, { capture: true, passive: true });
  }
})();`;

/**
 * Event entries grouped by interactionId (entries without one, such as
 * pointermove, are left out; a first-input entry duplicates its event entry
 * and merges into it), in order of start.
 */
export function groupInteractions(entries: readonly EventEntry[]): Interaction[] {
  const byId = new Map<number, EventEntry[]>();
  for (const entry of entries) {
    if (!entry.interactionId) continue;
    const group = byId.get(entry.interactionId);
    if (group) group.push(entry);
    else byId.set(entry.interactionId, [entry]);
  }
  const interactions: Interaction[] = [];
  for (const [id, group] of byId) {
    const longest = group.reduce((a, b) => (b.duration > a.duration ? b : a));
    interactions.push({
      id,
      start: Math.min(...group.map((e) => e.startTime)),
      duration: longest.duration,
      inputDelay: longest.processingStart - longest.startTime,
      processing: longest.processingEnd - longest.processingStart,
      presentation: longest.startTime + longest.duration - longest.processingEnd,
      events: [...new Set(group.map((e) => e.name))].sort(),
    });
  }
  return interactions.sort((a, b) => a.start - b.start || a.id - b.id);
}

/** What one scripted input came to. */
export type InteractionResult =
  | { kind: "measured"; interaction: Interaction; count: number }
  /** The page saw the input, but no entry reached the threshold: faster than it. */
  | { kind: "under-threshold"; inputs: number }
  /** Neither an input nor an entry: the script missed its target, or Event Timing is off. */
  | { kind: "no-input" };

/**
 * The slowest interaction that started in [from, to] (page milliseconds), as
 * INP would count it for that window, with how many there were.
 */
export function interactionIn(record: Pick<EventTimingRecord, "events" | "inputs">, from: number, to: number) {
  const inWindow = groupInteractions(record.events).filter((i) => i.start >= from && i.start <= to);
  if (inWindow.length > 0) {
    const slowest = inWindow.reduce((a, b) => (b.duration > a.duration ? b : a));
    return { kind: "measured", interaction: slowest, count: inWindow.length } satisfies InteractionResult;
  }
  const inputs = record.inputs.filter((i) => i.at >= from && i.at <= to).length;
  return (inputs > 0 ? { kind: "under-threshold", inputs } : { kind: "no-input" }) satisfies InteractionResult;
}

/** The longest task of `kind` that started in [from, to], or 0 when none was long (≥ 50 ms). */
export function longestTaskIn(tasks: readonly TaskEntry[], kind: TaskEntry["kind"], from: number, to = Infinity) {
  let longest = 0;
  for (const t of tasks)
    if (t.kind === kind && t.start >= from && t.start <= to) longest = Math.max(longest, t.duration);
  return longest;
}

/**
 * The figure INP reports for a result: its duration in milliseconds, the
 * threshold for an input faster than it (a bound, printed "< 16 ms"), null
 * when nothing happened.
 */
export function interactionMs(result: InteractionResult): number | null {
  if (result.kind === "measured") return result.interaction.duration;
  if (result.kind === "under-threshold") return EVENT_THRESHOLD_MS;
  return null;
}

/** "72 ms", "< 16 ms" or "no input seen", and the goal's mark ("✓"/"✗", or "" for no input). */
export function describeInteraction(result: InteractionResult, goalMs: number): { value: string; mark: string } {
  if (result.kind === "no-input") return { value: "no input seen", mark: "" };
  if (result.kind === "under-threshold") return { value: `< ${EVENT_THRESHOLD_MS} ms`, mark: "✓" };
  const d = result.interaction.duration;
  return { value: `${Math.round(d)} ms`, mark: d <= goalMs ? "✓" : "✗" };
}
