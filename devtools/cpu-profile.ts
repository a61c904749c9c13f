/**
 * What a stretch of main-thread work is made of: a Chromium CPU profile over
 * the DevTools protocol (Profiler.start/stop) around one piece of work in a
 * page, summarised by self time per function (the time the sampler found
 * that function on top of the stack), heaviest first. The benchmarks use it
 * on an interaction slower than its goal, as the evidence of where its
 * longest task goes.
 */
import type { Page } from "playwright-core";

/** The parts of a Profiler.Profile (Chrome DevTools Protocol) the summary reads. */
export interface CdpProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  /** Node id on top of the stack at each sample. */
  samples: number[];
  /** Microseconds from the previous sample (the first: from startTime). */
  timeDeltas: number[];
}

/** One function's share of the profile. */
export interface SelfTime {
  /** "name (file:line)", "(anonymous) (file:line)", or V8's own "(garbage collector)", "(program)", "(idle)". */
  name: string;
  selfMs: number;
}

/** Where a function is: its file's last path segment and 1-based line, for a short label. */
function label(frame: CdpProfile["nodes"][number]["callFrame"]): string {
  const fn = frame.functionName || "(anonymous)";
  if (!frame.url) return fn;
  const file =
    frame.url
      .replace(/[?#].*$/, "")
      .split("/")
      .pop() || frame.url;
  return `${fn} (${file}:${frame.lineNumber + 1})`;
}

/**
 * Self time per function (milliseconds), heaviest first, ties by name.
 * A sample lasts until the next one (timeDeltas[i + 1]), as DevTools counts
 * it; the last sample, with no next, counts nothing. Nodes of the same
 * function (one per call path) are added together.
 */
export function selfTimeByFunction(profile: CdpProfile): SelfTime[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, label(n.callFrame)]));
  const totals = new Map<string, number>();
  for (let i = 0; i + 1 < profile.samples.length; i++) {
    const name = byNode.get(profile.samples[i]) ?? "(unknown)";
    totals.set(name, (totals.get(name) ?? 0) + profile.timeDeltas[i + 1] / 1000);
  }
  return [...totals]
    .map(([name, selfMs]) => ({ name, selfMs }))
    .sort((a, b) => b.selfMs - a.selfMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The functions worth naming: busy ones ("(idle)" left out), the `top` heaviest, each at least `minMs`. */
export function busiestFunctions(selfTimes: readonly SelfTime[], top = 8, minMs = 1): SelfTime[] {
  return selfTimes.filter((s) => s.name !== "(idle)" && s.selfMs >= minMs).slice(0, top);
}

/**
 * Runs `work` with the page's main thread sampled every `intervalUs`
 * microseconds, and returns its result with the profile's self times.
 */
export async function profileDuring<T>(
  page: Page,
  work: () => Promise<T>,
  intervalUs = 200,
): Promise<{ value: T; selfTimes: SelfTime[] }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: intervalUs });
    await cdp.send("Profiler.start");
    const value = await work().catch(async (error: unknown) => {
      // Stopped when the work fails too, so what follows is not profiled by accident.
      await cdp.send("Profiler.stop").catch(() => undefined);
      throw error;
    });
    const { profile } = (await cdp.send("Profiler.stop")) as { profile: CdpProfile };
    return { value, selfTimes: selfTimeByFunction(profile) };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
