/**
 * The worker thread of csv-ahead.ts: reads, decodes and parses CSV files in
 * order, and posts their rows of cells in chunks (flat lists, cheap to copy
 * between threads), then one message per file with its problem, if any. It
 * stays at most a few chunks ahead of the main thread, so the rows waiting
 * between the two stay few.
 */
import { readFileSync } from "node:fs";
import type { Problem } from "../model/problems.js";
import { parseCsvCells } from "../records/csv-reader.js";
import { decodeRecordFile } from "../records/text.js";
import type { AheadData, AheadMessage } from "./csv-ahead.js";
import { workerOutbox } from "./worker-inbox.js";

// `post` waits while the main thread has not yet taken the chunks already posted.
const { data, post } = workerOutbox<AheadData, AheadMessage>();
const { files, chunkRows } = data;

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
