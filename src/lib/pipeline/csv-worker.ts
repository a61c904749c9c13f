/**
 * The worker thread of csv-ahead.ts: reads, decodes and parses CSV files in
 * order, and posts their rows of cells in chunks (flat lists, cheap to copy
 * between threads), then one message per file with its problem, if any. It
 * stays at most a few chunks ahead of the main thread, so the rows waiting
 * between the two stay few.
 */
import { readFileSync } from "node:fs";
import { type MessagePort, workerData } from "node:worker_threads";
import type { Problem } from "../model/problems.js";
import { parseCsvCells } from "../records/csv-reader.js";
import { decodeRecordFile } from "../records/text.js";
import type { AheadMessage, AheadSetup } from "./csv-ahead.js";

const { files, port, shared, chunkRows, maxAhead } = workerData as AheadSetup & { port: MessagePort };
const POSTED = 0;
const TAKEN = 1;
const STARTED = 2;

Atomics.store(shared, STARTED, 1);
Atomics.notify(shared, POSTED);

function post(message: AheadMessage): void {
  // Wait while the main thread has not yet taken the chunks already posted.
  for (;;) {
    const taken = Atomics.load(shared, TAKEN);
    if (Atomics.load(shared, POSTED) - taken < maxAhead) break;
    Atomics.wait(shared, TAKEN, taken, 1000);
  }
  port.postMessage(message);
  Atomics.add(shared, POSTED, 1);
  Atomics.notify(shared, POSTED);
}

try {
  for (const { path, display } of files) {
    let cells: string[] = [];
    let counts: number[] = [];
    let lines: number[] = [];
    const flush = () => {
      post({ type: "rows", cells, counts: Int32Array.from(counts), lines: Int32Array.from(lines) });
      cells = [];
      counts = [];
      lines = [];
    };
    const { text, problem: decodeProblem } = decodeRecordFile(readFileSync(path), display);
    let problem: Problem | undefined = decodeProblem;
    if (text !== undefined && !problem) {
      problem = parseCsvCells(text, display, (row, line) => {
        for (const cell of row) cells.push(cell);
        counts.push(row.length);
        lines.push(line);
        if (lines.length === chunkRows) flush();
      });
      if (lines.length) flush();
    }
    post({ type: "end", problem, decoded: text !== undefined && !decodeProblem });
  }
} catch (error) {
  post({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
