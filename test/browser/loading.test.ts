/**
 * Pages load only what their queries read (src/components/db.ts,
 * src/lib/client/table-loader.ts): a page that never queries a table never requests
 * it, a time range fetches only its years' partitions with Range requests,
 * the status line shows the progress and goes away, and what the page
 * computes on part of the data is what it computes once everything is in.
 * Requests are counted in the browser; sizes come from the built tables.json.
 * The scripts run in the page read `globalThis.__accordAtlas`, the hooks the
 * page registers (src/components/page-hooks.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectClean, openPage } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT, waitReady } from "../../devtools/page-ready.js";
import { DIST } from "../../devtools/project-paths.js";
import type { TablesManifest } from "../../src/lib/model/contracts.js";
import { partitionsFor } from "../../src/lib/model/partitions.js";
import { TABLE_NAMES } from "../../src/lib/model/tables.js";
import { useBuiltSite } from "./site.js";

const site = useBuiltSite();
const TODAY = "2026-11-27";

function manifest(): TablesManifest {
  const dir = join(DIST, "_file/data");
  const file = readdirSync(dir).find((f) => /^tables\.[0-9a-f]+\.json$/.test(f));
  if (!file) throw new Error("no tables.<hash>.json in dist/_file/data");
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}

interface TableRequest {
  table: string;
  range: string | null;
}

/** Records the page's status line: every (state, text) it shows, and whether its bar was visible. */
const WATCH_STATUS = `(() => {
  const seen = (window.__statusSeen = []);
  const record = () => {
    const node = document.querySelector(".aa-status");
    if (!node) return;
    const bar = node.querySelector("progress");
    const entry = node.dataset.state + " | " + node.getAttribute("role") + " | " + (bar && !bar.hidden ? "bar " + bar.value + "/" + bar.max : "no bar") + " | " + node.textContent;
    if (seen.at(-1) !== entry) seen.push(entry);
  };
  new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

/** A query that needs every year of the commitments, run through the page's own database. */
const COUNT_EVERY_YEAR = `(async () => {
  const aa = globalThis.__accordAtlas;
  const db = await aa.database();
  await db.query(aa.sql(["SELECT count(*) FROM commitments"]));
})()`;

/** Opens a page, records its table requests (with their Range header) and waits for its queries. */
async function visit(path: string, until: string) {
  const requests: TableRequest[] = [];
  const pending: Promise<void>[] = [];
  const handle = await openPage(site.browser, `${site.server.url}${path}`, {
    initScripts: [WATCH_STATUS],
    beforeGoto: async (page) => {
      page.on("request", (request: Request) => {
        const match = /\/_file\/data\/([a-z_]+)\.[0-9a-f]+\.parts$/.exec(new URL(request.url()).pathname);
        if (!match) return;
        pending.push(
          request.allHeaders().then((headers) => {
            requests.push({ table: match[1], range: headers.range ?? null });
          }),
        );
      });
    },
  });
  site.open.push(handle);
  await waitReady(handle.page);
  await handle.page.waitForSelector(until, { state: "attached", timeout: READY_TIMEOUT });
  await handle.page.waitForLoadState("networkidle");
  await waitReady(handle.page);
  await Promise.all(pending);
  const tables = () => [...new Set(requests.map((r) => r.table))].sort();
  return { ...handle, requests, tables };
}

describe("pages load only what they read", () => {
  it("the timeline never requests the parties, the overview and network never the status updates", async () => {
    const timeline = await visit(`/timeline?today=${TODAY}`, '[data-chart="timeline"]');
    expect(timeline.tables()).not.toContain("commitment_parties");
    expect(timeline.tables()).toEqual(expect.arrayContaining(["commitments", "status_updates", "sectors", "events"]));
    expectClean(timeline);

    const overview = await visit("/", '[data-testid="headline"][data-source="duckdb"]');
    expect(overview.tables()).not.toContain("status_updates");
    expect(overview.tables()).toEqual(expect.arrayContaining(["commitments", "commitment_parties", "institutions"]));
    expectClean(overview);

    const network = await visit("/network", '[data-testid="network-counts"]');
    expect(network.tables()).not.toContain("status_updates");
    expectClean(network);

    // Without a time range each table comes whole, in one request without a Range header.
    for (const r of [...timeline.requests, ...overview.requests]) expect(r.range, r.table).toBeNull();
    expect(overview.requests.filter((r) => r.table === "commitments")).toHaveLength(1);
  });

  it("the SQL notebook loads every table, whole", async () => {
    const sql = await visit("/sql", '[data-testid="per-sector-total"]');
    expect(sql.tables()).toEqual([...TABLE_NAMES].sort());
    const status = (await sql.page.evaluate("globalThis.__accordAtlas.status()")) as {
      tables: { table: string; parts: number; loadedParts: number }[];
    };
    const entries = manifest().tables;
    for (const t of status.tables)
      expect(t.loadedParts, t.table).toBe(entries[t.table as keyof typeof entries].partitions.length);
    // Decompressed off the main thread, in the blob: worker of src/lib/client/gunzip-worker.ts.
    expect(sql.page.workers().filter((w) => w.url().startsWith("blob:"))).toHaveLength(1);
    expectClean(sql);
  });

  it("a time range fetches only its years' partitions, with Range requests", async () => {
    const years = { from: 2024, to: 2025 };
    const page = await visit(`/?from=${years.from}&to=${years.to}`, '[data-testid="headline"][data-source="duckdb"]');
    const entries = manifest().tables;
    for (const table of ["commitments", "commitment_parties"] as const) {
      const entry = entries[table];
      const needed = partitionsFor(entry, years);
      expect(needed.length).toBeGreaterThan(0);
      expect(needed.length).toBeLessThan(entry.partitions.length);
      const first = entry.partitions[needed[0]];
      const last = entry.partitions[needed.at(-1) as number];
      // The neighbouring years in one request: exactly their bytes.
      expect(page.requests.filter((r) => r.table === table)).toEqual([
        { table, range: `bytes=${first.offset}-${last.offset + last.length - 1}` },
      ]);
    }
    expect(page.tables()).not.toContain("status_updates");
    expectClean(page);
  });

  it("says a later load in a corner over the page, so nothing under the reader's pointer moves", async () => {
    const page = await visit("/?from=2024", '[data-testid="headline"][data-source="duckdb"]');
    // While the line says a load, where it is and where the headline is.
    await page.page.evaluate(() => {
      const line = document.querySelector(".aa-status") as HTMLElement;
      const headline = document.querySelector('[data-testid="headline"]') as HTMLElement;
      const seen = window as unknown as { __top: number; __during: [number, string, number][] };
      seen.__top = headline.getBoundingClientRect().top;
      seen.__during = [];
      new MutationObserver(() => {
        if (line.dataset.state !== "loading tables") return;
        const box = line.getBoundingClientRect();
        seen.__during.push([headline.getBoundingClientRect().top, getComputedStyle(line).position, box.height]);
      }).observe(line, { attributes: true, attributeFilter: ["data-state"] });
    });
    // A query that needs every year loads more.
    await page.page.evaluate(COUNT_EVERY_YEAR);
    await waitReady(page.page);
    const { top, during } = await page.page.evaluate(() => {
      const seen = window as unknown as { __top: number; __during: [number, string, number][] };
      return { top: seen.__top, during: seen.__during };
    });
    expect(during.length, "the line said the later load").toBeGreaterThan(0);
    for (const [headlineTop, position, height] of during) {
      expect(headlineTop, "the headline stays where it was").toBe(top);
      expect(position).toBe("fixed");
      expect(height, "the line is shown").toBeGreaterThan(0);
    }
    expectClean(page);
  });

  it("shows which tables are loading, with a bar, as a status, then goes away", async () => {
    const page = await visit("/?from=2024", '[data-testid="headline"][data-source="duckdb"]');
    const seen = (await page.page.evaluate("window.__statusSeen")) as string[];
    const loading = seen.filter((s) =>
      /^(starting|loading tables) \| status \| bar \d+(\.\d+)?\/\d+ \| .*commitments/.test(s),
    );
    expect(loading.length, seen.join("\n")).toBeGreaterThan(0);
    expect(seen.at(-1)).toMatch(/^ready \| status \| no bar \| Ready: \d tables loaded/);
    expect(await page.page.locator(".aa-status").isVisible()).toBe(false);

    // A query that needs every year brings the status back, then it goes again.
    await page.page.evaluate(COUNT_EVERY_YEAR);
    await waitReady(page.page);
    const after = ((await page.page.evaluate("window.__statusSeen")) as string[]).slice(seen.length);
    expect(
      after.some((s) => /^loading tables \| status \| bar .*commitments \(\d+ of \d+ parts\)/.test(s)),
      after.join("\n"),
    ).toBe(true);
    expect(after.at(-1)).toMatch(/^ready/);

    // Queries on tables already in change nothing the status line shows: it is not written to at all.
    const writes = await page.page.evaluate(`(async () => {
      const aa = globalThis.__accordAtlas;
      const db = await aa.database();
      const node = document.querySelector(".aa-status");
      let records = 0;
      const observer = new MutationObserver((list) => { records += list.length; });
      observer.observe(node, { subtree: true, childList: true, characterData: true, attributes: true });
      for (let i = 0; i < 5; i++) await db.query(aa.sql(["SELECT count(*) FROM commitments WHERE sector <> ", ""], String(i)));
      await new Promise((resolve) => setTimeout(resolve, 50));
      records += observer.takeRecords().length;
      observer.disconnect();
      return records;
    })()`);
    expect(writes, "mutations of the status line while five queries ran on loaded tables").toBe(0);
    expectClean(page);
  });

  it("the timeline's queries give the same rows on its years as once every table is loaded whole", async () => {
    const page = await visit(`/timeline?today=${TODAY}&from=2024&to=2025`, '[data-chart="timeline"]');
    const result = (await page.page.evaluate(`(async () => {
      const aa = globalThis.__accordAtlas;
      const tq = globalThis.__accordAtlas.timeline.queries;
      const db = await aa.database();
      const f = { sector: [], country: [], institution: [], series: [], status: [], from: 2024, to: 2025 };
      const today = ${JSON.stringify(TODAY)};
      const queries = [
        tq.timelineLanes(f, null), tq.timelineDensity(f, null, today), tq.timelineMarks(f, null, today),
        tq.timelineUpdates(f, null), tq.scorecardByEvent(f, today), tq.scorecardBySector(f, today),
        tq.dueNext(f, today), tq.seriesSessions(f), tq.followUpSeries(f), tq.timelineExtent(f), tq.timelineEvents(f, null),
      ];
      const run = () => Promise.all(queries.map((q) => db.query(q).then((rows) => JSON.stringify(rows))));
      const before = await run();
      const partial = aa.status().tables.find((t) => t.table === "commitments");
      await db.load();
      const after = await run();
      const whole = aa.status().tables.find((t) => t.table === "commitments");
      return { before, after, partial, whole };
    })()`)) as {
      before: string[];
      after: string[];
      partial: { parts: number };
      whole: { parts: number; loadedParts: number };
    };
    const entry = manifest().tables.commitments;
    expect(result.partial.parts).toBe(partitionsFor(entry, { from: 2024, to: 2025 }).length);
    expect(result.whole.loadedParts).toBe(entry.partitions.length);
    expect(result.before.some((r) => r !== "[]")).toBe(true);
    expect(result.after).toEqual(result.before);
    expectClean(page);
  });
});
