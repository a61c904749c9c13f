// The partition loader against the project's static server (scripts/static-server.ts)
// over real .parts files: Range requests for what a window needs, each partition
// once, the whole file when a host ignores Range, readable failures.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { tableFromIPC } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StaticServer, startStaticServer } from "../../../scripts/static-server.js";
import { type LoadProgress, mergeStreams, TableLoader } from "../../../src/lib/client/table-loader.js";
import type { TablesManifest } from "../../../src/lib/model/contracts.js";
import { partitionsFor, type YearWindow } from "../../../src/lib/model/partitions.js";
import type { TableName } from "../../../src/lib/model/tables.js";
import { readParts } from "../../../src/lib/pipeline/parts-file.js";
import { ensureTables } from "../../../src/lib/pipeline/table-cache.js";

let cache: string;
let generated: string;
let folder: string;
let manifest: TablesManifest;
const previous = process.env.ACCORD_CACHE_DIR;

beforeAll(() => {
  cache = mkdtempSync(join(tmpdir(), "aa-loader-cache-"));
  generated = mkdtempSync(join(tmpdir(), "aa-loader-data-"));
  process.env.ACCORD_CACHE_DIR = cache;
  const gen = spawnSync(
    "npx",
    ["tsx", "scripts/generate.ts", "--commitments", "2000", "--seed", "3", "--out", generated, "--force"],
    { encoding: "utf8" },
  );
  expect(gen.status, gen.stderr).toBe(0);
  const result = ensureTables(generated);
  if (!result.ok) throw new Error(result.report);
  folder = result.folder;
  manifest = JSON.parse(readFileSync(join(folder, "tables.json"), "utf8"));
}, 120_000);

afterAll(() => {
  if (previous === undefined) delete process.env.ACCORD_CACHE_DIR;
  else process.env.ACCORD_CACHE_DIR = previous;
  rmSync(cache, { recursive: true, force: true });
  rmSync(generated, { recursive: true, force: true });
});

interface Served {
  server: StaticServer;
  requests: { path: string; status: number; bytes: number }[];
}

async function serve(root: string, ranges = true): Promise<Served> {
  const requests: Served["requests"] = [];
  const server = await startStaticServer({
    root,
    ranges,
    onResponse: ({ path, status, bytes }) => requests.push({ path, status, bytes }),
  });
  return { server, requests };
}

/** A loader over the served folder that decodes what it is given, as DuckDB would take it. */
function loader(served: Served, options: { progress?: LoadProgress<TableName>[] } = {}) {
  const inserted: { table: TableName; rows: number; ids: string[]; create: boolean }[] = [];
  const load = new TableLoader<TableName>({
    manifest: async () => manifest,
    url: (table) => `${served.server.url}/${table}.parts`,
    insert: async ({ table, ipc, create }) => {
      const arrow = tableFromIPC(ipc);
      const column = arrow.getChild("id") ?? arrow.getChild("commitment_id");
      inserted.push({ table, rows: arrow.numRows, ids: column ? (column.toArray() as string[]) : [], create });
    },
    onProgress: (p) => options.progress?.push(p),
  });
  return { load, inserted };
}

/** Resolves once `tables` tables were asked for and every byte asked for has arrived. */
async function allReceived(load: TableLoader<TableName>, tables: number): Promise<void> {
  for (;;) {
    const p = load.progress();
    if (p.tables.length === tables && p.bytes > 0 && p.received === p.bytes) return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

const rowsOf = (table: TableName, window?: YearWindow) =>
  partitionsFor(manifest.tables[table], window).reduce((n, i) => n + manifest.tables[table].partitions[i].rows, 0);

describe("mergeStreams", () => {
  const entry = () => manifest.tables.commitments;
  const picked = () => entry().partitions.slice(3, 9);
  const streams = () => {
    const bytes = readFileSync(join(folder, "commitments.parts"));
    return picked().map((p) => gunzipSync(bytes.subarray(p.offset, p.offset + p.length)));
  };

  it("makes partitions with their own dictionaries one stream with the same rows", async () => {
    const merged = tableFromIPC(await mergeStreams(streams()));
    const separate = readParts(readFileSync(join(folder, "commitments.parts")), { ...entry(), partitions: picked() });
    expect(merged.numRows).toBe(picked().reduce((n, p) => n + p.rows, 0));
    for (const column of ["id", "sector", "status", "event_id", "summary", "source_id"]) {
      const expected = separate.flatMap((t) => [...(t.getChild(column)?.toArray() ?? [])]);
      expect([...(merged.getChild(column)?.toArray() ?? [])], column).toEqual(expected);
    }
  });

  it("copies a step at a time, pausing between steps, into the same bytes", async () => {
    const whole = await mergeStreams(streams(), { step: Number.POSITIVE_INFINITY });
    for (const step of [1000, 4096, 65_536]) {
      let pauses = 0;
      const stepped = await mergeStreams(streams(), { step, pause: async () => void pauses++ });
      expect(Buffer.from(stepped).equals(Buffer.from(whole)), `step ${step}`).toBe(true);
      // One pause per full step copied (the last step is followed by none).
      expect(pauses, `step ${step}`).toBe(Math.ceil((whole.length - 8) / step) - 1);
    }
  });

  it("refuses bytes that are not a stream", async () => {
    await expect(mergeStreams([new Uint8Array(16), new Uint8Array(16)])).rejects.toThrow(/not an Arrow IPC stream/);
  });
});

describe("TableLoader", () => {
  it("decompresses every partition with the gunzip it is given (the page's runs in a worker)", async () => {
    const served = await serve(folder);
    try {
      const members: number[] = [];
      const load = new TableLoader<TableName>({
        manifest: async () => manifest,
        url: (table) => `${served.server.url}/${table}.parts`,
        insert: async () => {},
        gunzip: async (member) => {
          members.push(member.length);
          return new Uint8Array(gunzipSync(member));
        },
      });
      await load.ensure(["sectors", "events"]);
      const expected = [...manifest.tables.sectors.partitions, ...manifest.tables.events.partitions];
      expect(members.sort((x, y) => x - y)).toEqual(expected.map((p) => p.length).sort((x, y) => x - y));
    } finally {
      await served.server.close();
    }
  });

  it("fetches only the partitions a window needs, in one Range request, then the rest once", async () => {
    const served = await serve(folder);
    try {
      const { load, inserted } = loader(served);
      const window = { from: 2005, to: 2008 };
      await load.ensure(["commitments"], window);
      const entry = manifest.tables.commitments;
      const needed = partitionsFor(entry, window);
      expect(needed.length).toBeGreaterThan(1);
      expect(served.requests).toEqual([
        {
          path: "/commitments.parts",
          status: 206,
          bytes: needed.reduce((n, i) => n + entry.partitions[i].length, 0),
        },
      ]);
      expect(inserted[0].create).toBe(true);
      expect(inserted.slice(1).every((i) => !i.create)).toBe(true);
      expect(inserted.reduce((n, i) => n + i.rows, 0)).toBe(rowsOf("commitments", window));
      expect(load.isLoaded("commitments", window)).toBe(true);
      expect(load.isLoaded("commitments")).toBe(false);

      await load.ensure(["commitments"], { from: 2006, to: 2007 }); // nothing new
      expect(served.requests).toHaveLength(1);

      await load.ensure(["commitments"]);
      // Before and after the window: two more ranges, no partition twice.
      expect(served.requests.slice(1).map((r) => r.status)).toEqual([206, 206]);
      expect(served.requests.reduce((n, r) => n + r.bytes, 0)).toBe(entry.bytes);
      const ids = inserted.flatMap((i) => i.ids);
      expect(ids.length).toBe(entry.rows);
      const full = tableFromIPC(readFileSync(join(folder, "commitments.arrow")));
      expect([...ids].sort()).toEqual([...((full.getChild("id")?.toArray() ?? []) as string[])].sort());
      expect(inserted.filter((i) => i.create)).toHaveLength(1);
      // Partitions that arrive together go in together: far fewer inserts than partitions.
      expect(inserted.length).toBeLessThan(entry.partitions.length);
    } finally {
      await served.server.close();
    }
  });

  it("asks for a whole table without a Range header", async () => {
    const served = await serve(folder);
    try {
      const { load, inserted } = loader(served);
      await Promise.all([load.ensure(["sectors", "events"]), load.ensure(["events"])]);
      expect(served.requests.map((r) => `${r.path} ${r.status}`).sort()).toEqual([
        "/events.parts 200",
        "/sectors.parts 200",
      ]);
      expect(inserted.map((i) => `${i.table} ${i.rows} ${i.create}`).sort()).toEqual([
        `events ${manifest.tables.events.rows} true`,
        `sectors ${manifest.tables.sectors.rows} true`,
      ]);
    } finally {
      await served.server.close();
    }
  });

  it("cuts the partitions from the whole file when the host ignores Range, and keeps it", async () => {
    const served = await serve(folder, false);
    try {
      const { load, inserted } = loader(served);
      await load.ensure(["commitment_parties"], { from: 2010, to: 2010 });
      expect(served.requests).toEqual([
        { path: "/commitment_parties.parts", status: 200, bytes: manifest.tables.commitment_parties.bytes },
      ]);
      expect(inserted.reduce((n, i) => n + i.rows, 0)).toBe(rowsOf("commitment_parties", { from: 2010, to: 2010 }));
      await load.ensure(["commitment_parties"]);
      expect(served.requests).toHaveLength(1);
      expect(inserted.reduce((n, i) => n + i.rows, 0)).toBe(manifest.tables.commitment_parties.rows);
    } finally {
      await served.server.close();
    }
  });

  it("creates a table no partition of which the window needs, from its smallest", async () => {
    const served = await serve(folder);
    try {
      const { load, inserted } = loader(served);
      await load.ensure(["status_updates"], { from: 1800, to: 1801 });
      expect(inserted).toHaveLength(1);
      expect(inserted[0].create).toBe(true);
      const smallest = Math.min(...manifest.tables.status_updates.partitions.map((p) => p.length));
      expect(served.requests[0].bytes).toBe(smallest);
    } finally {
      await served.server.close();
    }
  });

  it("reports progress: parts and bytes asked for and in, until nothing is pending", async () => {
    const served = await serve(folder);
    try {
      const progress: LoadProgress<TableName>[] = [];
      const { load } = loader(served, { progress });
      await load.ensure(["commitments", "sources"], { from: 2000 });
      const first = progress[0];
      expect(first.pending).toBe(true);
      expect(first.tables.map((t) => t.table)).toEqual(["commitments", "sources"]);
      const last = progress.at(-1) as LoadProgress<TableName>;
      expect(last.pending).toBe(false);
      expect(last.received).toBe(last.bytes);
      const commitments = last.tables[0];
      expect(commitments.loadedParts).toBe(commitments.parts);
      expect(commitments.parts).toBe(partitionsFor(manifest.tables.commitments, { from: 2000 }).length);
      for (let i = 1; i < progress.length; i++)
        expect(progress[i].received).toBeGreaterThanOrEqual(progress[i - 1].received);
    } finally {
      await served.server.close();
    }
  });

  it("holds partitions until the database is ready, then inserts each table once", async () => {
    const served = await serve(folder);
    try {
      let open = () => {};
      const ready = new Promise<void>((resolve) => {
        open = resolve;
      });
      let isOpen = false;
      const inserts: { table: TableName; rows: number; early: boolean }[] = [];
      const load = new TableLoader<TableName>({
        manifest: async () => manifest,
        url: (table) => `${served.server.url}/${table}.parts`,
        ready: () => ready,
        insert: async ({ table, ipc }) => {
          inserts.push({ table, rows: tableFromIPC(ipc).numRows, early: !isOpen });
        },
      });
      const done = load.ensure(["commitments", "events"]);
      // Every partition is in memory (and decompressed) before the database opens.
      const all = manifest.tables.commitments.partitions.length + manifest.tables.events.partitions.length;
      await allReceived(load, 2);
      expect(all).toBeGreaterThan(2);
      expect(inserts).toEqual([]);
      isOpen = true;
      open();
      await done;
      expect(inserts.map((i) => i.table).sort()).toEqual(["commitments", "events"]);
      expect(inserts.every((i) => !i.early)).toBe(true);
      expect(inserts.find((i) => i.table === "commitments")?.rows).toBe(rowsOf("commitments"));
    } finally {
      await served.server.close();
    }
  });

  it("inserts the tables a query waits for first, and lets the query go before the rest", async () => {
    const served = await serve(folder);
    try {
      let open = () => {};
      const ready = new Promise<void>((resolve) => {
        open = resolve;
      });
      const log: string[] = [];
      const load = new TableLoader<TableName>({
        manifest: async () => manifest,
        url: (table) => `${served.server.url}/${table}.parts`,
        ready: () => ready,
        insert: async ({ table }) => {
          log.push(`insert ${table}`);
        },
      });
      // The page loads every table ahead (as /sql does), then a query asks for two.
      const everything = load.ensure(["events", "commitments", "commitment_parties", "sources", "sectors"], undefined, {
        background: true,
      });
      const query = load.ensure(["sectors", "sources"]).then(() => log.push("query runs"));
      await allReceived(load, 5);
      open();
      await Promise.all([everything, query]);
      expect(log.slice(0, 3)).toEqual(["insert sectors", "insert sources", "query runs"]);
      expect(log.filter((line) => line.startsWith("insert")).length).toBe(5);
    } finally {
      await served.server.close();
    }
  });

  it("fails with a message naming the table and what went wrong", async () => {
    const broken = mkdtempSync(join(tmpdir(), "aa-loader-broken-"));
    const served = await serve(broken);
    try {
      // Missing file.
      await expect(loader(served).load.ensure(["sectors"])).rejects.toThrow(
        /Could not load the table “sectors”: 404 .* for http:\/\/127\.0\.0\.1:\d+\/sectors\.parts/,
      );
      // A file shorter than tables.json says.
      const events = readFileSync(join(folder, "events.parts"));
      writeFileSync(join(broken, "events.parts"), events.subarray(0, events.length - 10));
      await expect(loader(served).load.ensure(["events"])).rejects.toThrow(/sent \d+ bytes where tables.json expects/);
      // Bytes that are not gzip.
      copyFileSync(join(folder, "sources.arrow"), join(broken, "sources.parts"));
      const fake = { ...manifest, tables: { ...manifest.tables } };
      const size = readFileSync(join(broken, "sources.parts")).length;
      fake.tables.sources = {
        ...manifest.tables.sources,
        bytes: size,
        partitions: [{ ...manifest.tables.sources.partitions[0], length: size }],
      };
      const bad = new TableLoader<TableName>({
        manifest: async () => fake,
        url: (table) => `${served.server.url}/${table}.parts`,
        insert: async () => {},
      });
      await expect(bad.ensure(["sources"])).rejects.toThrow(/“sources”: partition all is not valid gzip/);
    } finally {
      await served.server.close();
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
