/**
 * Finding and reading the record files of a data folder (Node only).
 * YAML (.yaml, .yml), JSON (.json), CSV (.csv) and workbook (.xlsx) files
 * are read, in every sub-folder, in a stable order. Other files are reported, never silently
 * skipped, except README/Markdown notes and hidden files.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, isAbsolute, join, relative } from "node:path";
import type { Problem } from "../model/problems.js";
import { readCsv } from "../records/csv-reader.js";
import { readJson, readYaml } from "../records/document.js";
import type { RawRecord, ReadResult } from "../records/record.js";
import { decodeRecordFile } from "../records/text.js";
import { readXlsx } from "./xlsx-records.js";

export const RECORD_EXTENSIONS = [".yaml", ".yml", ".json", ".csv", ".xlsx"];
/** Folders that hold other kinds of files (presentation stories). */
const OTHER_FOLDERS = new Set(["stories"]);

export interface FileList {
  files: string[];
  problems: Problem[];
}

/** Record files under `dir`, sorted by path. */
export function listRecordFiles(dir: string): FileList {
  const files: string[] = [];
  const problems: Problem[] = [];
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(dir);
  } catch {
    return {
      files,
      problems: [
        {
          severity: "error",
          file: dir,
          message: "the data folder does not exist",
          expected: "a folder of record files",
        },
      ],
    };
  }
  if (!stat.isDirectory()) {
    return {
      files,
      problems: [{ severity: "error", file: dir, message: "is not a folder", expected: "a folder of record files" }],
    };
  }
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith(".")) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (folder === dir && OTHER_FOLDERS.has(entry.name)) continue;
        walk(path);
      } else if (RECORD_EXTENSIONS.includes(extname(entry.name).toLowerCase())) files.push(path);
      else if (!/\.(md|txt)$/i.test(entry.name)) {
        problems.push({
          severity: "warning",
          file: path,
          message: "is not read: not a record file",
          expected: `record files ending in ${RECORD_EXTENSIONS.join(", ")}`,
        });
      }
    }
  };
  walk(dir);
  if (files.length === 0) {
    problems.push({
      severity: "error",
      file: dir,
      message: "holds no record files",
      expected: "YAML, JSON, CSV or .xlsx record files",
    });
  }
  return { files, problems };
}

/**
 * Reads one record file; `display` is the path used in reports. With a
 * `sink`, CSV and sheet rows are handed over as they are parsed instead of
 * returned.
 */
export function readRecordFile(path: string, display = path, sink?: (record: RawRecord) => void): ReadResult {
  if (extname(path).toLowerCase() === ".xlsx") return readXlsx(path, display, sink);
  const bytes = readFileSync(path);
  const { text, problem } = decodeRecordFile(bytes, display);
  if (problem || text === undefined) return { records: [], problems: problem ? [problem] : [] };
  return readRecordText(text, display, sink);
}

export function readRecordText(text: string, file: string, sink?: (record: RawRecord) => void): ReadResult {
  const ext = extname(file).toLowerCase();
  if (ext === ".csv") return readCsv(text, file, sink);
  if (ext === ".json") return readJson(text, file);
  return readYaml(text, file);
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}

/**
 * The path as a published page may show it: relative to the project when the
 * folder is inside it, else only the folder's own name (`…/records`), so no
 * build machine's absolute path reaches the site.
 */
export function publishedPath(path: string): string {
  const rel = relative(process.cwd(), path);
  if (rel === "") return ".";
  return rel.startsWith("..") || isAbsolute(rel) ? `…/${basename(path)}` : rel;
}
