/**
 * CSV parsing ahead, on a worker thread (Node only). csv-parse is the largest
 * single cost of reading a large folder; here a worker parses the CSV files,
 * in order, while the main thread turns the rows before into records and
 * validates them. The reading stays synchronous: the main thread takes each
 * chunk with `receiveMessageOnPort`, waiting on a shared counter when none
 * is there yet. Records, problems, lines and their order are the same as
 * when the files are read on one thread (test/lib/pipeline/csv-ahead.test.ts).
 */
import type { Problem } from "../model/problems.js";
import { csvRowReader, notATable } from "../records/csv-reader.js";
import type { RawRecord, ReadResult } from "../records/record.js";
import { readRecordFile } from "./files.js";
import { WorkerInbox } from "./worker-inbox.js";
import { pipelineModule, workerSource } from "./worker-source.js";

/** What the worker is given (worker-inbox.ts carries it). */
export interface AheadData {
  files: { path: string; display: string }[];
  chunkRows: number;
}

export type AheadMessage =
  | { type: "rows"; cells: string[]; counts: Int32Array; lines: Int32Array }
  | { type: "end"; problem?: Problem; decoded: boolean }
  | { type: "failed"; message: string };

const WORKER = pipelineModule("csv-worker");

/** Whether this process can start the worker. */
export function canParseAhead(): boolean {
  return workerSource(WORKER) !== undefined;
}

export class CsvAhead {
  private readonly inbox: WorkerInbox<AheadMessage>;
  private readonly order: string[];
  private next = 0;
  /** Set when the worker could not start: every file is then read on this thread. */
  fallback = false;

  /** Starts parsing `files` (CSV files whose names name a table), in this order. */
  constructor(files: { path: string; display: string }[], { chunkRows = 4096, maxAhead = 8 } = {}) {
    this.order = files.map((f) => f.path);
    const data: AheadData = { files, chunkRows };
    this.inbox = new WorkerInbox<AheadMessage>(WORKER, data, { maxAhead });
  }

  /** Reads the next file: the same result as readRecordFile on it. */
  read(path: string, display: string, sink: (record: RawRecord) => void): ReadResult {
    if (this.order[this.next] !== path) throw new Error(`CSV files read out of order: ${display}`);
    this.next++;
    if (!this.fallback && this.next === 1 && !this.inbox.waitForStart()) {
      this.fallback = true;
      this.close();
    }
    if (this.fallback) return readRecordFile(path, display, sink);
    const problems: Problem[] = [];
    const reader = csvRowReader(display, problems, sink);
    if (!reader) return { records: [], problems: [notATable(display)] };
    for (;;) {
      const message = this.inbox.take();
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
    this.inbox.close();
  }
}
