/**
 * The notebook in a link and in storage: its cells as JSON, compressed
 * (deflate-raw) and written in base64url after a version, in the address's
 * fragment:
 *
 *     /sql#notebook=1.<base64url>        the whole notebook (a shared link)
 *     /sql#notebook-add=1.<base64url>    cells to add to the notebook kept in the browser
 *
 * Reading checks everything and refuses, with a sentence saying what was
 * wrong, what is too long, not in the format, not decompressible, larger
 * than allowed once unpacked, not JSON, or not cells. Nothing read is ever
 * run: the page shows the cells and waits for Run. Pure (CompressionStream
 * is a web-platform API, also in Node).
 */
import { type ChartMark, MARK_LABELS } from "./chart-choice.js";
import { MAX_CELLS, MAX_SQL_CHARS, type NotebookCell } from "./notebook-cells.js";

/** What an address or storage holds: cells without their ids. */
export type StoredCell = Omit<NotebookCell, "id">;

export const NOTEBOOK_KEY = "notebook";
export const NOTEBOOK_ADD_KEY = "notebook-add";
const VERSION = "1";

/**
 * The longest notebook an address carries (characters after the key); the
 * browser's storage keeps longer ones, up to MAX_STORED_CHARS. Either unpacks
 * to at most MAX_UNPACKED_BYTES (30 cells of 20,000 characters of 3 bytes).
 */
export const MAX_ENCODED_CHARS = 60_000;
export const MAX_STORED_CHARS = 2_000_000;
export const MAX_UNPACKED_BYTES = 2_000_000;

export type DecodedNotebook = { ok: true; cells: StoredCell[] } | { ok: false; problem: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pipeBytes(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number) {
  const writer = stream.writable.getWriter();
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The cells as `1.<base64url>` (the value after `#notebook=`). */
export async function encodeNotebook(cells: readonly StoredCell[]): Promise<string> {
  const json = JSON.stringify({ cells: cells.map((c) => (c.mark ? { sql: c.sql, mark: c.mark } : { sql: c.sql })) });
  const packed = await pipeBytes(new TextEncoder().encode(json), new CompressionStream("deflate-raw"), Infinity);
  return `${VERSION}.${toBase64Url(packed as Uint8Array)}`;
}

/** Control characters a query never needs (tab, newline and carriage return are fine). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The cells of a decoded JSON value, or what is wrong with it. */
export function checkCells(value: unknown): DecodedNotebook {
  const cells = (value as { cells?: unknown } | null)?.cells;
  if (typeof value !== "object" || value === null || !Array.isArray(cells)) {
    return { ok: false, problem: "it holds no list of cells" };
  }
  if (cells.length > MAX_CELLS) return { ok: false, problem: `it has ${cells.length} cells; at most ${MAX_CELLS}` };
  const out: StoredCell[] = [];
  for (const [i, cell] of cells.entries()) {
    const where = `cell ${i + 1}`;
    const sql = (cell as { sql?: unknown } | null)?.sql;
    const mark = (cell as { mark?: unknown } | null)?.mark;
    if (typeof sql !== "string") return { ok: false, problem: `${where} has no query text` };
    if (sql.length > MAX_SQL_CHARS) {
      return { ok: false, problem: `${where} is ${sql.length} characters long; at most ${MAX_SQL_CHARS}` };
    }
    if (CONTROL.test(sql)) return { ok: false, problem: `${where} holds control characters` };
    if (mark !== undefined && !(typeof mark === "string" && mark in MARK_LABELS)) {
      return { ok: false, problem: `${where} asks for an unknown chart mark` };
    }
    out.push(mark === undefined ? { sql } : { sql, mark: mark as ChartMark });
  }
  return { ok: true, cells: out };
}

/** Reads `1.<base64url>` of at most `maxChars` characters: the cells, or why they were refused. */
export async function decodeNotebook(encoded: string, maxChars = MAX_ENCODED_CHARS): Promise<DecodedNotebook> {
  if (encoded.length > maxChars) {
    return {
      ok: false,
      problem: `it is ${encoded.length.toLocaleString("en")} characters long; at most ${maxChars.toLocaleString("en")}`,
    };
  }
  const dot = encoded.indexOf(".");
  if (dot < 0 || encoded.slice(0, dot) !== VERSION) {
    return { ok: false, problem: `it does not start with the format's version (“${VERSION}.”)` };
  }
  const body = encoded.slice(dot + 1);
  const bad = /[^A-Za-z0-9_-]/.exec(body);
  if (bad) {
    return { ok: false, problem: `it holds a character that is not base64url at position ${dot + 2 + bad.index}` };
  }
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(body);
  } catch {
    return { ok: false, problem: "its base64url text is cut short" };
  }
  let unpacked: Uint8Array | null;
  try {
    unpacked = await pipeBytes(bytes, new DecompressionStream("deflate-raw"), MAX_UNPACKED_BYTES);
  } catch {
    return { ok: false, problem: "it could not be decompressed (broken or cut short)" };
  }
  if (!unpacked) {
    return { ok: false, problem: `it unpacks to more than ${MAX_UNPACKED_BYTES.toLocaleString("en")} bytes` };
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(unpacked));
  } catch {
    return { ok: false, problem: "it does not unpack to JSON text" };
  }
  return checkCells(value);
}

/** What an address's fragment asks of the notebook. */
export type FragmentRequest = { kind: "none" } | { kind: "replace" | "add"; encoded: string };

/** Reads `#notebook=…` or `#notebook-add=…` from a location.hash; anything else asks nothing. */
export function notebookFragment(hash: string): FragmentRequest {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const add = params.get(NOTEBOOK_ADD_KEY);
  if (add !== null) return { kind: "add", encoded: add };
  const whole = params.get(NOTEBOOK_KEY);
  if (whole !== null) return { kind: "replace", encoded: whole };
  return { kind: "none" };
}
