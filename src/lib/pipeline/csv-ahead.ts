/**
 * CSV parsing ahead, on a worker thread (Node only). csv-parse is the largest
 * single cost of reading a large folder; here a worker parses the CSV files,
 * in order, while the main thread turns the rows before into records and
 * validates them. The reading stays synchronous: the main thread takes each
 * chunk with `receiveMessageOnPort`, waiting on a shared counter when none
 * is there yet. Records, problems, lines and their order are the same as
 * when the files are read on one thread (test/lib/pipeline/csv-ahead.test.ts).
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { Problem } from "../model/problems.js";
import { csvRowReader, notATable } from "../records/csv-reader.js";
import type { RawRecord, ReadResult } from "../records/record.js";
import { readRecordFile } from "./files.js";
import { pipelineModule, workerSource } from "./worker-source.js";

export interface AheadSetup {
  files: { path: string; display: string }[];
  shared: Int32Array;
  chunkRows: number;
  maxAhead: number;
}

export type AheadMessage =
  | { type: "rows"; cells: string[]; counts: Int32Array; lines: Int32Array }
  | { type: "end"; problem?: Problem; decoded: boolean }
  | { type: "failed"; message: string };

const POSTED = 0;
const TAKEN = 1;
const STARTED = 2;
/** No message from the worker for this long means it has stopped. */
const STALLED_MS = 120_000;
/** A worker that has not started by then cannot (no TypeScript loader, say): the files are read here instead. */
const START_MS = 20_000;

const WORKER = pipelineModule("csv-worker");

/** Whether this process can start the worker. */
export function canParseAhead(): boolean {
  return workerSource(WORKER) !== undefined;
}

export class CsvAhead {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly shared = new Int32Array(new SharedArrayBuffer(12));
  private readonly order: string[];
  private next = 0;
  /** Set when the worker could not start: every file is then read on this thread. */
  fallback = false;

  /** Starts parsing `files` (CSV files whose names name a table), in this order. */
  constructor(files: { path: string; display: string }[], { chunkRows = 4096, maxAhead = 8 } = {}) {
    this.order = files.map((f) => f.path);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const setup: AheadSetup & { port: MessagePort } = {
      files,
      shared: this.shared,
      chunkRows,
      maxAhead,
      port: port2,
    };
    const source = workerSource(WORKER) ?? WORKER;
    this.worker = new Worker(source, { eval: typeof source === "string", workerData: setup, transferList: [port2] });
    // Failures come back as a message (or as a worker that never starts); the
    // event would only come once the reading is over.
    this.worker.on("error", () => {});
    this.worker.unref();
  }

  /** Waits for the worker to start; false when it did not. */
  private started(): boolean {
    const start = Date.now();
    while (Atomics.load(this.shared, STARTED) === 0) {
      if (Date.now() - start > START_MS) return false;
      Atomics.wait(this.shared, POSTED, Atomics.load(this.shared, POSTED), 100);
    }
    return true;
  }

  private take(): AheadMessage {
    const start = Date.now();
    for (;;) {
      const posted = Atomics.load(this.shared, POSTED);
      const received = receiveMessageOnPort(this.port);
      if (received) {
        Atomics.add(this.shared, TAKEN, 1);
        Atomics.notify(this.shared, TAKEN);
        return received.message as AheadMessage;
      }
      if (Date.now() - start > STALLED_MS) throw new Error("the CSV worker stopped answering");
      Atomics.wait(this.shared, POSTED, posted, 1000);
    }
  }

  /** Reads the next file: the same result as readRecordFile on it. */
  read(path: string, display: string, sink: (record: RawRecord) => void): ReadResult {
    if (this.order[this.next] !== path) throw new Error(`CSV files read out of order: ${display}`);
    this.next++;
    if (!this.fallback && this.next === 1 && !this.started()) {
      this.fallback = true;
      this.close();
    }
    if (this.fallback) return readRecordFile(path, display, sink);
    const problems: Problem[] = [];
    const reader = csvRowReader(display, problems, sink);
    if (!reader) return { records: [], problems: [notATable(display)] };
    for (;;) {
      const message = this.take();
      if (message.type === "failed") throw new Error(`reading CSV files on a worker thread: ${message.message}`);
      if (message.type === "rows") {
        const { cells, counts, lines } = message;
        let at = 0;
        for (let r = 0; r < lines.length; r++) {
          reader.row(cells.slice(at, at + counts[r]), lines[r]);
          at += counts[r];
        }
        continue;
      }
      if (!message.decoded) return { records: [], problems: message.problem ? [message.problem] : [] };
      if (message.problem) problems.push(message.problem);
      else reader.finish();
      return { records: [], problems };
    }
  }

  /** Stops the worker (it has nothing left to do once every file has been read). */
  close(): void {
    void this.worker.terminate();
    this.port.close();
  }
}
