/**
 * Loads the partitions of tables a page asks for, once each: fetched from
 * the tables' .parts files with HTTP Range requests (neighbouring partitions
 * in one request), decompressed, and handed to `insert` in batches: every
 * partition that is in memory when the previous batch is done (the first
 * batch waits for `ready`: everything that came while the engine started),
 * a table's partitions merged into one Arrow IPC stream (see mergeStreams),
 * one insert per table, the table's first with `create`. Within a batch the
 * tables a query waits for go first, and each table's partitions settle as
 * soon as its insert is done, so the first query reaches the database after
 * its own tables, not after every table of the page. Measured at 200,000 commitments
 * in DuckDB-WASM: 32 partitions inserted one by one took 0.65 s (each insert
 * commits), in one transaction 0.30 s (but 0.6 s more to commit a batch of
 * every table), merged into one stream 0.21 s. No DOM and no DuckDB:
 * it runs in the browser (src/components/db.ts) and in Node's tests, with
 * the fetch, Blob and DecompressionStream both have.
 *
 * A server that ignores Range answers 200 with the whole file: the wanted
 * partitions are cut from it and the file is kept for later requests of the
 * same table. The file layout is in src/lib/model/partitions.ts.
 */

import type { TableEntry, TablesManifest } from "../model/contracts.js";
import { type ByteSpan, partitionsFor, spansOf, type YearWindow } from "../model/partitions.js";

export interface TableProgress<T extends string = string> {
  table: T;
  /** Partitions asked for so far, and those already in the database. */
  parts: number;
  loadedParts: number;
  /** Bytes of those partitions as stored (gzip), and received so far. */
  bytes: number;
  received: number;
  /** Every partition asked for is in (or failed: see `error`). */
  done: boolean;
  error?: string;
}

export interface LoadProgress<T extends string = string> {
  /** The tables asked for so far, in the order they were first asked for. */
  tables: TableProgress<T>[];
  /** Some partition asked for is not in yet. */
  pending: boolean;
  bytes: number;
  received: number;
}

export interface TableLoaderOptions<T extends string> {
  /** tables.json, read once. */
  manifest: () => Promise<TablesManifest>;
  /** Where a table's .parts file is. */
  url: (table: T) => Promise<string> | string;
  /**
   * Puts rows of a table (a complete Arrow IPC stream) into the database;
   * `create` the first time. Calls never overlap.
   */
  insert: (item: InsertItem<T>) => Promise<void>;
  /**
   * Resolves once `insert` can run (the page: once the engine has started).
   * Partitions that arrive before then wait for it together, and go in as
   * one batch: one insert per table.
   */
  ready?: () => Promise<unknown>;
  /**
   * Awaited after each table's insert, before the next: the page lets a
   * query whose tables are now in reach the database first. A macrotask
   * (setTimeout 0) unless given.
   */
  pause?: () => Promise<void>;
  /** Called on every change: a request starts, bytes arrive, a partition is in, something fails. */
  onProgress?: (progress: LoadProgress<T>) => void;
  fetch?: typeof fetch;
  /**
   * Decompresses one partition (a gzip member); `gunzip` below, on this
   * thread, unless given (the page passes one that runs in a worker,
   * src/lib/client/gunzip-worker.ts).
   */
  gunzip?: (member: Uint8Array) => Promise<Uint8Array>;
}

export interface InsertItem<T extends string> {
  table: T;
  ipc: Uint8Array;
  create: boolean;
}

/** A partition whose bytes are cut, waiting for its batch. */
interface Queued<T extends string> {
  table: T;
  state: TableState<T>;
  index: number;
  ipc: Promise<Uint8Array>;
}

/** A batch's partitions of one table, decompressed, for one insert. */
interface TableGroup<T extends string> {
  table: T;
  state: TableState<T>;
  streams: Uint8Array[];
  parts: Queued<T>[];
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
  settled: boolean;
}

function deferred(): Deferred {
  let resolve = () => {};
  let reject: (error: Error) => void = () => {};
  const d = {} as Deferred;
  d.promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  d.resolve = () => {
    d.settled = true;
    resolve();
  };
  d.reject = (error) => {
    d.settled = true;
    reject(error);
  };
  d.settled = false;
  d.promise.catch(() => {}); // reported to whoever awaits it
  return d;
}

interface TableState<T extends string> {
  entry: TableEntry;
  /** Per partition: settles once it is in the database. */
  parts: (Deferred | undefined)[];
  /** Settles once the table exists (its first partition is in). */
  created: Deferred;
  /** A batch holding the table's first partition is being inserted, or was. */
  creating: boolean;
  /** The whole file, once a server sent all of it. */
  whole?: Promise<Uint8Array>;
  /** When a query first asked for the table (a counter; see ensure's `background`). */
  wantedAt?: number;
  progress: TableProgress<T>;
}

/**
 * Bytes copied between pauses while streams are merged: about 8 ms of
 * copying, so merging a million commitments' 100 MB is no 100 ms task.
 */
export const MERGE_STEP_BYTES = 8 * 1024 * 1024;

/** Lets the page handle input and paint: scheduler.yield where the browser has it, else a macrotask. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Arrow IPC streams of the same schema as one stream: the first's schema,
 * then each one's dictionary and record batches, then one end-of-stream
 * marker. Each partition's dictionaries come again with the same ids, which
 * the stream format reads as replacements for the batches that follow
 * (DuckDB-WASM and apache-arrow read them so; the tests hold them to it).
 * Copied `step` bytes at a time with `pause` between (yieldToPage).
 */
export async function mergeStreams(
  streams: readonly Uint8Array[],
  { step = MERGE_STEP_BYTES, pause = yieldToPage }: { step?: number; pause?: () => Promise<void> } = {},
): Promise<Uint8Array> {
  if (streams.length === 1) return streams[0];
  const EOS = [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0];
  const pieces = streams.map((stream, i) => {
    const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
    if (view.getUint32(0, true) !== 0xffffffff || view.getUint32(stream.length - 8, true) !== 0xffffffff) {
      throw new Error("not an Arrow IPC stream with an end-of-stream marker");
    }
    const schema = 8 + view.getInt32(4, true); // the schema message has no body
    return stream.subarray(i === 0 ? 0 : schema, stream.length - 8);
  });
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0) + 8);
  let offset = 0;
  let sincePause = 0;
  for (const piece of pieces) {
    for (let at = 0; at < piece.length; ) {
      if (sincePause >= step) {
        await pause();
        sincePause = 0;
      }
      const end = Math.min(piece.length, at + step - sincePause);
      out.set(piece.subarray(at, end), offset + at);
      sincePause += end - at;
      at = end;
    }
    offset += piece.length;
  }
  out.set(EOS, offset);
  return out;
}

/** Decompresses one gzip member. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class TableLoader<T extends string> {
  private readonly options: TableLoaderOptions<T>;
  private manifestPromise?: Promise<TablesManifest>;
  private readonly states = new Map<T, TableState<T>>();
  private readonly queue: Queued<T>[] = [];
  private inserting = false;
  private wanted = 0;

  constructor(options: TableLoaderOptions<T>) {
    this.options = options;
  }

  private manifest(): Promise<TablesManifest> {
    this.manifestPromise ??= this.options.manifest();
    return this.manifestPromise;
  }

  /**
   * Resolves once the tables hold every partition `window` needs (all of
   * them without a window) and exist. A table no partition of which is
   * needed still gets its smallest one, so a query naming it finds it
   * (rows outside the window are filtered out by the query that asked).
   *
   * Tables a query waits for go into the database before those only asked
   * for with `background` (a page loading every table ahead of its
   * notebook's queries), in the order they were first asked for.
   */
  async ensure(tables: readonly T[], window?: YearWindow, options: { background?: boolean } = {}): Promise<void> {
    if (tables.length === 0) return;
    const manifest = await this.manifest();
    const waits: Promise<void>[] = [];
    for (const table of tables) {
      const state = this.state(table, manifest);
      if (!options.background) state.wantedAt ??= this.wanted++;
      let needed = partitionsFor(state.entry, window);
      if (needed.length === 0 && !state.parts.some(Boolean)) needed = [smallest(state.entry)];
      const missing = needed.filter((i) => !state.parts[i]);
      if (missing.length) this.request(table, state, missing);
      for (const i of needed) waits.push((state.parts[i] as Deferred).promise);
      waits.push(state.created.promise);
    }
    this.report();
    await Promise.all(waits);
  }

  /** Every partition of every table named. */
  loadAll(tables: readonly T[]): Promise<void> {
    return this.ensure(tables);
  }

  /** Whether the table holds what `window` needs (everything without one), with nothing to wait for. */
  isLoaded(table: T, window?: YearWindow): boolean {
    const state = this.states.get(table);
    if (!state) return false;
    return partitionsFor(state.entry, window).every((i) => state.parts[i]?.settled) && state.created.settled;
  }

  progress(): LoadProgress<T> {
    const tables = [...this.states.values()].map((s) => ({ ...s.progress }));
    return {
      tables,
      pending: tables.some((t) => !t.done),
      bytes: tables.reduce((n, t) => n + t.bytes, 0),
      received: tables.reduce((n, t) => n + t.received, 0),
    };
  }

  private report(): void {
    this.options.onProgress?.(this.progress());
  }

  private state(table: T, manifest: TablesManifest): TableState<T> {
    let state = this.states.get(table);
    if (!state) {
      const entry = (manifest.tables as Record<string, TableEntry | undefined>)[table];
      if (!entry) throw new Error(`tables.json has no table “${table}”`);
      state = {
        entry,
        parts: new Array(entry.partitions.length),
        created: deferred(),
        creating: false,
        progress: { table, parts: 0, loadedParts: 0, bytes: 0, received: 0, done: false },
      };
      this.states.set(table, state);
    }
    return state;
  }

  private request(table: T, state: TableState<T>, indices: number[]): void {
    for (const span of spansOf(state.entry, indices)) {
      const waiting = span.parts.map((i) => {
        const d = deferred();
        state.parts[i] = d;
        return d;
      });
      state.progress.parts += span.parts.length;
      state.progress.bytes += span.end - span.start;
      state.progress.done = false;
      this.fetchSpan(table, state, span).catch((error: unknown) => {
        const failure = new Error(`Could not load the table “${table}”: ${messageOf(error)}`, { cause: error });
        for (const d of waiting) if (!d.settled) d.reject(failure);
        if (!state.created.settled && !state.creating) state.created.reject(failure);
        state.progress.error = failure.message;
        this.settle(state);
      });
    }
  }

  private settle(state: TableState<T>): void {
    state.progress.done = state.parts.every((d) => !d || d.settled);
    this.report();
  }

  /** Fetches a span and inserts its partitions as their bytes arrive. */
  private async fetchSpan(table: T, state: TableState<T>, span: ByteSpan): Promise<void> {
    const { entry } = state;
    const partitions = span.parts.map((i) => ({ index: i, ...entry.partitions[i] }));
    let next = 0;
    // Cuts every partition whose bytes are all in `buffer` (which starts at file offset `base`).
    const cut = (buffer: Uint8Array, base: number, filled: number) => {
      while (next < partitions.length) {
        const p = partitions[next];
        if (p.offset + p.length - base > filled) break;
        this.insertPart(table, state, p.index, buffer.subarray(p.offset - base, p.offset - base + p.length));
        next++;
      }
    };
    if (state.whole) {
      const whole = await state.whole;
      cut(whole, 0, whole.length);
      return;
    }
    const url = await this.options.url(table);
    const all = span.start === 0 && span.end === entry.bytes;
    const fetcher = this.options.fetch ?? fetch;
    const response = await fetcher(url, all ? {} : { headers: { Range: `bytes=${span.start}-${span.end - 1}` } });
    let base: number;
    let size: number;
    let keepWhole: { resolve: (bytes: Uint8Array) => void; reject: (error: unknown) => void } | undefined;
    if (response.status === 206 && !all) {
      const range = response.headers.get("Content-Range");
      if (range !== null && !range.startsWith(`bytes ${span.start}-${span.end - 1}/`)) {
        throw new Error(`asked for bytes ${span.start}–${span.end - 1}, got ${range} from ${url}`);
      }
      base = span.start;
      size = span.end - span.start;
    } else if (response.status === 200) {
      // The whole file (the server ignored Range, or all of it was asked for).
      base = 0;
      size = entry.bytes;
      if (!all) {
        state.progress.bytes += entry.bytes - (span.end - span.start);
        const whole = new Promise<Uint8Array>((resolve, reject) => {
          keepWhole = { resolve, reject };
        });
        whole.catch(() => {}); // whoever waits on it reports
        state.whole = whole;
      }
    } else {
      throw new Error(`${response.status} ${response.statusText || "error"} for ${url}`);
    }
    try {
      const buffer = await this.read(response, url, size, (buffer, filled) => cut(buffer, base, filled), state);
      keepWhole?.resolve(buffer);
    } catch (error) {
      if (keepWhole) {
        keepWhole.reject(error);
        state.whole = undefined;
      }
      throw error;
    }
  }

  /** Reads a response into a buffer of `size` bytes, calling `progress` after each chunk. */
  private async read(
    response: Response,
    url: string,
    size: number,
    progress: (buffer: Uint8Array, filled: number) => void,
    state: TableState<T>,
  ): Promise<Uint8Array> {
    const buffer = new Uint8Array(size);
    let filled = 0;
    const take = (chunk: Uint8Array) => {
      if (filled + chunk.length > size) {
        throw new Error(`${url} sent more than the ${size} bytes tables.json gives it: rebuild the site`);
      }
      buffer.set(chunk, filled);
      filled += chunk.length;
      state.progress.received += chunk.length;
      progress(buffer, filled);
      this.report();
    };
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        take(value);
      }
    } else take(new Uint8Array(await response.arrayBuffer()));
    if (filled !== size) {
      throw new Error(`${url} sent ${filled} bytes where tables.json expects ${size}: rebuild the site`);
    }
    return buffer;
  }

  /** Queues one partition for the next batch. */
  private insertPart(table: T, state: TableState<T>, index: number, member: Uint8Array): void {
    const ipc = (this.options.gunzip ?? gunzip)(member).catch((error: unknown) => {
      throw new Error(`partition ${state.entry.partitions[index].key} is not valid gzip (${messageOf(error)})`);
    });
    ipc.catch(() => {}); // reported with its batch
    this.queue.push({ table, state, index, ipc });
    void this.pump();
  }

  /** Inserts what is queued, batch after batch, until the queue is empty. */
  private async pump(): Promise<void> {
    if (this.inserting) return;
    this.inserting = true;
    // Until the database can take rows, partitions gather into one batch
    // (one insert per table instead of one for the first partition alone);
    // its failure is the first insert's to report.
    await this.options.ready?.().catch(() => {});
    // Let the partitions cut from the same chunk of bytes join this batch.
    await Promise.resolve();
    while (this.queue.length) {
      const queued = this.queue.splice(0);
      for (const group of await this.groupByTable(queued)) {
        await this.insertGroup(group);
        this.settle(group.state);
        // A query waiting for this table (and those before it) is sent now,
        // before the next table's rows: the database answers in order.
        await this.between();
      }
      for (const state of new Set(queued.map((q) => q.state))) this.settle(state);
    }
    this.inserting = false;
  }

  /**
   * Decompressed partitions as one group per table: first the tables a query
   * waits for, in the order queries first asked for them, then the others
   * in the order their first partitions came.
   */
  private async groupByTable(queued: Queued<T>[]): Promise<TableGroup<T>[]> {
    const byTable = new Map<T, TableGroup<T>>();
    for (const q of queued) {
      try {
        const ipc = await q.ipc;
        const group = byTable.get(q.table) ?? { table: q.table, state: q.state, streams: [], parts: [] };
        group.streams.push(ipc);
        group.parts.push(q);
        byTable.set(q.table, group);
      } catch (error) {
        this.fail(q, new Error(`Could not load the table “${q.table}”: ${messageOf(error)}`, { cause: error }));
      }
    }
    const rank = (group: TableGroup<T>) => group.state.wantedAt ?? Number.POSITIVE_INFINITY;
    return [...byTable.values()].sort((a, b) => rank(a) - rank(b));
  }

  /** One insert for a table's partitions; they settle as soon as it is done. */
  private async insertGroup({ table, state, streams, parts }: TableGroup<T>): Promise<void> {
    const create = !state.creating;
    state.creating = true;
    let failure: Error | undefined;
    try {
      await this.options.insert({ table, ipc: await mergeStreams(streams), create });
      if (create) state.created.resolve();
    } catch (error) {
      if (create) state.creating = false;
      failure = new Error(`Could not load the table “${table}”: ${messageOf(error)}`, { cause: error });
    }
    for (const q of parts) {
      if (failure) this.fail(q, failure);
      else {
        q.state.progress.loadedParts += 1;
        (q.state.parts[q.index] as Deferred).resolve();
      }
    }
  }

  private between(): Promise<void> {
    return this.options.pause?.() ?? new Promise((resolve) => setTimeout(resolve, 0));
  }

  private fail(q: Queued<T>, failure: Error): void {
    (q.state.parts[q.index] as Deferred).reject(failure);
    if (!q.state.created.settled && !q.state.creating) q.state.created.reject(failure);
    q.state.progress.error = failure.message;
  }
}

/** The partition with the fewest bytes (loaded when a table must exist but no partition is needed). */
function smallest(entry: TableEntry): number {
  let best = 0;
  entry.partitions.forEach((p, i) => {
    if (p.length < entry.partitions[best].length) best = i;
  });
  return best;
}
