/**
 * Where a page's first SQL answer's time goes: loads a built page cold in
 * headless Chromium and prints, in milliseconds from navigation, what ran
 * between the navigation and `duckdb:first-query`:
 * - every request the page (and its workers) made, with when it started and
 *   ended (Resource Timing), the engine's files, the manifest and partitions;
 * - every message the page sent DuckDB-WASM's worker (and the gunzip
 *   worker), and when its answer came back: INSTANTIATE, CONNECT, the `SET`
 *   statement (RUN_QUERY), INSERT_ARROW_FROM_IPC_STREAM per table, the
 *   queries (RUN_QUERY / CREATE_PREPARED / RUN_PREPARED);
 * - the page's performance marks (early engine, duckdb:instantiated,
 *   duckdb:ready, duckdb:first-query, chart:first);
 * - main-thread and worker-thread busy time per 100 ms from a Chrome trace
 *   (Tracing over the DevTools protocol, devtools.timeline), with the
 *   main thread's longest tasks before the first answer.
 *
 *     npx tsx devtools/first-answer-trace.ts --dist=dist [--runs=1] [--overlay=DIR] [--untraced] /sql /
 *
 * A Chrome trace slows every thread (a traced load takes two to three times
 * as long): `--untraced` leaves it out and prints the marks, requests and
 * worker messages only, at the page's own pace.
 * Each page is loaded once untraced first (the server's gzip cache fills,
 * as in bench:load). `--overlay=DIR` serves DIR's files beside dist, e.g.
 * the bare-engine page bench:load writes (bench/lib/bare-engine-page.ts,
 * `writeBareEnginePage`), to trace `/__bench/bare-engine` the same way.
 * A diagnostic for docs/performance.md, not a benchmark: its figures come
 * from one load.
 */
import { resolve } from "node:path";
import type { CDPSession } from "playwright-core";
import { type StaticServer, startStaticServer } from "../scripts/static-server.js";
import { launchBrowser, openPage } from "./browser-harness.js";

/** Runs in the page before its scripts: logs every message to and from every worker. */
const WORKER_LOG = `(() => {
  const log = (window.__workerLog = []);
  const Native = window.Worker;
  let n = 0;
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      const name = String(url).replace(/^.*\\//, "").slice(0, 40) + "#" + ++n;
      log.push({t: performance.now(), worker: name, dir: "new"});
      this.addEventListener("message", (event) => {
        const d = event.data;
        if (d && typeof d === "object" && "requestId" in d && d.type !== "INSTANTIATE_PROGRESS" && d.type !== "LOG") {
          log.push({t: performance.now(), worker: name, dir: "in", id: d.requestId, type: d.type});
        } else if (!(d && d.type === "INSTANTIATE_PROGRESS")) {
          log.push({t: performance.now(), worker: name, dir: "in", type: d && d.type ? d.type : typeof d});
        }
      });
      const post = this.postMessage.bind(this);
      this.postMessage = (message, transfer) => {
        const m = message && typeof message === "object" ? message : {};
        let detail = "";
        if (m.type === "RUN_QUERY" || m.type === "CREATE_PREPARED") detail = String(m.data && m.data[1]).replace(/\\s+/g, " ").slice(0, 80);
        if (m.type === "INSERT_ARROW_FROM_IPC_STREAM") detail = (m.data[2] && m.data[2].name) + " " + m.data[1].byteLength + " B";
        if (m.data instanceof Uint8Array || m.data instanceof ArrayBuffer) detail = m.data.byteLength + " B";
        log.push({t: performance.now(), worker: name, dir: "out", id: m.messageId, type: m.type ?? typeof message, detail});
        return post(message, transfer);
      };
    }
  };
})();`;

const DONE = `["duckdb:first-query", "duckdb:ready"].every((n) => performance.getEntriesByName(n).length > 0)`;

const READ = `(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const marks = performance.getEntriesByType("mark").map((m) => ({name: m.name, t: m.startTime}));
  const resources = performance.getEntriesByType("resource").map((r) => ({
    name: r.name.replace(/^https?:\\/\\/[^/]+/, ""), start: r.startTime, end: r.responseEnd, type: r.initiatorType,
  }));
  return {marks, resources, log: window.__workerLog ?? [], dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd};
})()`;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

async function recordTrace(session: CDPSession): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  session.on("Tracing.dataCollected", (data) => {
    events.push(...(data.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((res) => session.once("Tracing.tracingComplete", () => res()));
  await session.send("Tracing.end");
  await done;
  return events;
}

const short = (path: string) =>
  path.replace(/\.[0-9a-f]{8}\./, ".").replace(/^\/_node\/@duckdb\/duckdb-wasm@[^/]+\//, "");

/** Busy ms per thread in windows of `step` ms (trace µs → page ms via `zero`). */
function busy(events: TraceEvent[], zero: number, until: number, step = 100): Map<string, number[]> {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === "M" && e.name === "thread_name") names.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
  const out = new Map<string, number[]>();
  for (const e of events) {
    if (e.ph !== "X" || e.name !== "RunTask" || !e.dur) continue;
    const thread = names.get(`${e.pid}:${e.tid}`) ?? "";
    if (!/CrRendererMain|DedicatedWorker/.test(thread)) continue;
    const key = `${thread} ${e.tid}`;
    const row = out.get(key) ?? new Array(Math.ceil(until / step)).fill(0);
    let s = (e.ts - zero) / 1000;
    const end = s + e.dur / 1000;
    while (s < end && s < until) {
      const bin = Math.floor(s / step);
      const edge = Math.min(end, (bin + 1) * step);
      if (bin >= 0) row[bin] += edge - s;
      s = edge;
    }
    out.set(key, row);
  }
  return out;
}

async function traceOnce(
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  url: string,
  traced: boolean,
): Promise<void> {
  let session: CDPSession | undefined;
  const requests: { url: string; method: string; start: number; sent: number; firstByte: number; end: number }[] = [];
  const handle = await openPage(browser, url, {
    initScripts: [WORKER_LOG],
    intercept: false,
    waitUntil: "commit",
    beforeGoto: async (page) => {
      // Workers' requests too (the .wasm is fetched by DuckDB's worker), as Playwright sees them.
      page.context().on("requestfinished", (request) => {
        if (!/\.wasm$|worker\.[0-9a-f]+\.js$|\.parts$|tables\.[0-9a-f]+\.json$/.test(request.url())) return;
        const timing = request.timing();
        requests.push({
          url: request.url(),
          method: request.method(),
          start: timing.startTime,
          sent: timing.requestStart,
          firstByte: timing.responseStart,
          end: timing.responseEnd,
        });
      });
      if (!traced) return;
      session = await page.context().newCDPSession(page);
      await session.send("Tracing.start", {
        categories: "devtools.timeline,blink.user_timing,disabled-by-default-devtools.timeline,v8",
        transferMode: "ReportEvents",
      });
    },
  });
  // Polled with evaluate (not waitForFunction, which the pages' CSP refuses to eval).
  const started = Date.now();
  while (!(await handle.page.evaluate(DONE))) {
    if (Date.now() - started > 120_000) throw new Error(`${url}: no first answer in 120 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const origin = (await handle.page.evaluate("performance.timeOrigin")) as number;
  const info = (await handle.page.evaluate(READ)) as {
    marks: { name: string; t: number }[];
    resources: { name: string; start: number; end: number; type: string }[];
    log: { t: number; worker: string; dir: string; id?: number; type: string; detail?: string }[];
    dcl: number;
    load: number;
  };
  const events = session ? await recordTrace(session) : [];
  await handle.close();
  const first = info.marks.find((m) => m.name === "duckdb:first-query")?.t ?? 0;
  const tracedMark = events.find((e) => e.name === "duckdb:first-query" && e.ph !== "M");
  const zero = tracedMark ? tracedMark.ts - first * 1000 : 0;
  const ms = (t: number) => `${Math.round(t)}`.padStart(6);
  console.log(`\n== ${url}  DCL ${Math.round(info.dcl)} ms, load ${Math.round(info.load)} ms`);
  console.log("-- marks");
  for (const m of info.marks) console.log(`${ms(m.t)}  ${m.name}`);
  console.log("-- requests (start → end)");
  for (const r of info.resources.filter((r) => r.start <= first + 50).sort((a, b) => a.start - b.start)) {
    console.log(`${ms(r.start)} → ${ms(r.end)}  ${r.type.padEnd(14)} ${short(r.name)}`);
  }
  console.log("-- engine and table requests as Playwright saw them (queued at → sent → first byte → end)");
  for (const r of requests.sort((a, b) => a.start - b.start)) {
    const at = r.start - origin;
    const rel = (x: number) => (x < 0 ? "     ?" : ms(at + x));
    console.log(
      `${ms(at)} → ${rel(r.sent)} → ${rel(r.firstByte)} → ${rel(r.end)}  ${r.method} ${short(new URL(r.url).pathname)}`,
    );
  }
  console.log("-- worker messages (out: sent; in: its answer)");
  for (const l of info.log.filter((l) => l.t <= first + 50)) {
    console.log(
      `${ms(l.t)}  ${l.worker.padEnd(44)} ${l.dir.padEnd(3)} ${String(l.id ?? "").padStart(3)} ${l.type} ${l.detail ?? ""}`,
    );
  }
  console.log("-- busy ms per 100 ms window, by thread (RunTask)");
  for (const [thread, row] of busy(events, zero, first + 100)) {
    console.log(`${thread.padEnd(28)} ${row.map((x) => String(Math.round(x)).padStart(3)).join(" ")}`);
  }
  const longest = events
    .filter((e) => e.ph === "X" && e.name === "RunTask" && (e.dur ?? 0) > 20_000 && (e.ts - zero) / 1000 < first)
    .map((e) => ({ at: (e.ts - zero) / 1000, dur: (e.dur ?? 0) / 1000, tid: e.tid }))
    .sort((a, b) => a.at - b.at);
  const instantiated = info.marks.find((m) => m.name === "duckdb:instantiated")?.t ?? first;
  console.log("-- trace events over 10 ms from 300 ms before duckdb:instantiated to the first answer (not RunTask)");
  for (const e of events
    .filter((e) => e.ph === "X" && e.name !== "RunTask" && (e.dur ?? 0) > 10_000)
    .filter((e) => (e.ts - zero) / 1000 > instantiated - 300 && (e.ts - zero) / 1000 < first)
    .sort((a, b) => a.ts - b.ts)
    .slice(0, 40)) {
    const what = e.args?.data?.url ? ` ${short(new URL(e.args.data.url, "http://x").pathname)}` : "";
    console.log(`${ms((e.ts - zero) / 1000)}  ${Math.round((e.dur ?? 0) / 1000)} ms  tid ${e.tid}  ${e.name}${what}`);
  }
  console.log("-- tasks over 20 ms before the first answer (start, duration, thread id)");
  for (const t of longest) console.log(`${ms(t.at)}  ${Math.round(t.dur)} ms  tid ${t.tid}`);
}

async function warm(browser: Awaited<ReturnType<typeof launchBrowser>>, url: string): Promise<void> {
  const handle = await openPage(browser, url, { intercept: false });
  const started = Date.now();
  while (!(await handle.page.evaluate(DONE)) && Date.now() - started < 120_000)
    await new Promise((r) => setTimeout(r, 100));
  await handle.close();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dist = resolve(args.find((a) => a.startsWith("--dist="))?.slice(7) ?? "dist");
  const runs = Number(args.find((a) => a.startsWith("--runs="))?.slice(7) ?? 1);
  const overlay = args.find((a) => a.startsWith("--overlay="))?.slice(10);
  const traced = !args.includes("--untraced");
  const pages = args.filter((a) => !a.startsWith("--"));
  const server: StaticServer = await startStaticServer({ root: dist, overlay });
  const browser = await launchBrowser();
  try {
    // One untraced load of each page first: the server's gzip cache fills, as in bench:load.
    for (const page of pages) await warm(browser, `${server.url}${page}`);
    for (let i = 0; i < runs; i++) for (const page of pages) await traceOnce(browser, `${server.url}${page}`, traced);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
