/**
 * Interaction to Next Paint of one scripted input, in a page opened with
 * devtools/event-timing.ts's observer as an init script: real input through
 * Playwright (mouse, keyboard), then what Chromium's Event Timing API
 * reported for it, the longest task and long animation frame meanwhile, and
 * optionally the time until the page's own "done" signal (a redrawn chart)
 * and a CPU profile of it (devtools/cpu-profile.ts).
 */
import type { Page } from "playwright-core";
import { busiestFunctions, profileDuring, type SelfTime } from "../../devtools/cpu-profile.js";
import {
  describeInteraction,
  type EventTimingRecord,
  type InteractionResult,
  interactionIn,
  interactionMs,
  longestTaskIn,
} from "../../devtools/event-timing.js";

export { EVENT_TIMING_OBSERVER } from "../../devtools/event-timing.js";

/** One interaction's figures, for the JSON and the printed table. */
export interface InteractionTiming {
  label: string;
  result: InteractionResult;
  /** INP for it (ms): the duration, 16 when under the threshold, null when no input was seen. */
  inpMs: number | null;
  /** From the input to the page's own "done" (e.g. the redrawn chart), when the caller waits for one. */
  doneMs: number | null;
  longestTaskMs: number;
  longestFrameMs: number;
  /** With `profile`: the main thread's busiest functions from the input to the next frames (self time). */
  busiest?: SelfTime[];
}

/** How to time an interaction. */
export interface InteractionOptions {
  /** Resolves to the page time at which the page finished (e.g. from an event listener set up before `act`). */
  done?: () => Promise<number>;
  /** Sample the main thread meanwhile (CDP Profiler): slows the page a little, so figures of such a run are the profiled ones. */
  profile?: boolean;
}

const NOW = "performance.now()";

/** Two animation frames and a pause: Chromium dispatches event entries after the paint they waited for. */
const FLUSH = `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100))))`;

/** How long one step of an interaction may take before the benchmark gives up on it. */
export const STEP_LIMIT_MS = 60_000;

/**
 * `work`, or an error naming `what` after `limitMs`. page.evaluate has no
 * timeout of its own: a promise the page never settles would hang the run.
 */
export async function within<T>(work: Promise<T>, what: string, limitMs = STEP_LIMIT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing after ${limitMs / 1000} s`)), limitMs);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `act` (real input), then `done` when given, waits for the entries to
 * arrive, and reads the interaction that started in between.
 */
export async function timeInteraction(
  page: Page,
  label: string,
  act: () => Promise<void>,
  { done, profile = false }: InteractionOptions = {},
): Promise<InteractionTiming> {
  process.stderr.write(`  interaction: ${label}\n`);
  const from = (await page.evaluate(NOW)) as number;
  const steps = async () => {
    await within(act(), `${label}: the input`);
    const doneAt = done ? await within(done(), `${label}: the page's redraw`) : null;
    await within(page.evaluate(FLUSH), `${label}: the next frames`);
    return doneAt;
  };
  let doneAt: number | null;
  let busiest: SelfTime[] | undefined;
  if (profile) {
    const profiled = await profileDuring(page, steps);
    doneAt = profiled.value;
    busiest = busiestFunctions(profiled.selfTimes);
  } else doneAt = await steps();
  const to = (await page.evaluate(NOW)) as number;
  let record = (await page.evaluate("window.__eventTiming")) as EventTimingRecord | undefined;
  if (!record) throw new Error("the page has no window.__eventTiming: open it with EVENT_TIMING_OBSERVER");
  let result = interactionIn(record, from, to);
  // An entry can land a frame later on a busy machine: look once more.
  if (result.kind !== "measured") {
    await page.waitForTimeout(300);
    record = (await page.evaluate("window.__eventTiming")) as EventTimingRecord;
    result = interactionIn(record, from, to);
  }
  const firstInput = record.inputs.find((i) => i.at >= from && i.at <= to)?.at ?? from;
  return {
    label,
    result,
    inpMs: interactionMs(result),
    doneMs: doneAt === null ? null : doneAt - firstInput,
    longestTaskMs: longestTaskIn(record.tasks, "longtask", from, to),
    longestFrameMs: longestTaskIn(record.tasks, "long-animation-frame", from, to),
    ...(busiest ? { busiest } : {}),
  };
}

/** The longest task (Long Tasks API) since `from` (page ms), e.g. the first chart. */
export async function longestTaskSince(page: Page, from: number): Promise<{ task: number; frame: number }> {
  const record = (await page.evaluate("window.__eventTiming")) as EventTimingRecord;
  return {
    task: longestTaskIn(record.tasks, "longtask", from),
    frame: longestTaskIn(record.tasks, "long-animation-frame", from),
  };
}

/**
 * For each interaction over the goal (or with a task ≥ 50 ms) that was
 * profiled: a line naming it, then its busiest functions with their self time.
 */
export function profileLines(timings: readonly InteractionTiming[], goalMs: number): string[] {
  const lines: string[] = [];
  for (const t of timings) {
    if (!t.busiest || ((t.inpMs ?? 0) <= goalMs && t.longestTaskMs === 0)) continue;
    const inp = t.inpMs === null ? "no input seen" : `INP ${Math.round(t.inpMs)} ms`;
    lines.push(`${t.label} (${inp}, longest task ${Math.round(t.longestTaskMs)} ms): self time by function`);
    for (const f of t.busiest) lines.push(`  ${f.selfMs.toFixed(1).padStart(7)} ms  ${f.name}`);
  }
  return lines;
}

/** Table rows for the interactions: label, INP beside the goal, the redrawn chart, the longest task. */
export function interactionRows(timings: readonly InteractionTiming[], goalMs: number): string[][] {
  return timings.map((t) => {
    const { value, mark } = describeInteraction(t.result, goalMs);
    const done = t.doneMs === null ? "" : `${Math.round(t.doneMs)} ms`;
    const task = t.longestTaskMs > 0 ? `${Math.round(t.longestTaskMs)} ms` : "none ≥ 50 ms";
    return [t.label, value, `≤ ${goalMs} ms ${mark}`.trimEnd(), done, task];
  });
}
