/**
 * The entries of a zip archive found through its central directory (Node
 * only), each opened as a stream of its bytes when asked. A workbook is a zip
 * archive; exceljs's streaming reader walks it front to back and, with
 * Node 18 or later, sometimes loses the last entries (exceljs issue #3064),
 * which in files it writes itself are the workbook's sheet list. Reading the
 * directory at the end of the file first lets xlsx-sheets.ts take the parts
 * in the order they are needed. Stored and deflated entries are read (all a
 * workbook uses); zip64 archives (past 4 GB) are refused with a reason.
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync } from "node:fs";
import { pipeline, Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeader: number;
  /** Where the entry's bytes start, past its local header (found when the directory is read). */
  dataStart: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const TAIL = 22 + 0xffff;

export class ZipEntries {
  readonly entries = new Map<string, ZipEntry>();

  /** Reads the directory of `path`; throws an Error whose message says why it is not a zip archive it can read. */
  constructor(private readonly path: string) {
    const fd = openSync(path, "r");
    try {
      const size = fstatSync(fd).size;
      const tail = read(fd, Math.max(0, size - TAIL), Math.min(size, TAIL));
      let end = -1;
      for (let i = tail.length - 22; i >= 0; i--) {
        if (tail.readUInt32LE(i) === END_OF_DIRECTORY) {
          end = i;
          break;
        }
      }
      if (end < 0) throw new Error("it is not a zip archive (no central directory)");
      const count = tail.readUInt16LE(end + 10);
      const length = tail.readUInt32LE(end + 12);
      const offset = tail.readUInt32LE(end + 16);
      if (count === 0xffff || offset === 0xffffffff) throw new Error("it is a zip64 archive, which is not supported");
      const directory = read(fd, offset, length);
      let at = 0;
      for (let k = 0; k < count; k++) {
        if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) {
          throw new Error("its zip directory is damaged");
        }
        const nameLength = directory.readUInt16LE(at + 28);
        const name = directory.toString("utf8", at + 46, at + 46 + nameLength);
        this.entries.set(name, {
          name,
          method: directory.readUInt16LE(at + 10),
          compressedSize: directory.readUInt32LE(at + 20),
          localHeader: directory.readUInt32LE(at + 42),
          dataStart: -1,
        });
        at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
      }
      for (const entry of this.entries.values()) entry.dataStart = this.dataStart(fd, entry);
    } finally {
      closeSync(fd);
    }
  }

  /** Where an entry's bytes start: past its local header, whose name and extra field may differ in length from the directory's. */
  private dataStart(fd: number, entry: ZipEntry): number {
    const header = read(fd, entry.localHeader, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER)
      throw new Error(`its zip entry ${entry.name} is damaged`);
    return entry.localHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  }

  /** The entry's uncompressed bytes as a stream; undefined when the archive has no such entry. */
  open(name: string): Readable | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    if (entry.method !== 0 && entry.method !== 8) {
      throw new Error(
        `its zip entry ${name} uses compression method ${entry.method}; only stored and deflated entries are read`,
      );
    }
    if (entry.compressedSize === 0) return Readable.from([]);
    const start = entry.dataStart;
    const raw = createReadStream(this.path, { start, end: start + entry.compressedSize - 1 });
    // pipeline passes a read error on to the inflater, so the reader sees it instead of waiting.
    return entry.method === 0 ? raw : pipeline(raw, createInflateRaw(), () => {});
  }
}

function read(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const got = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, got);
}
