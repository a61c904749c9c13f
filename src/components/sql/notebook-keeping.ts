/**
 * Where the notebook is kept: in the browser's storage (a reload keeps it)
 * and in the address's fragment (a copied link reopens it), both in the
 * format of src/lib/notebook/notebook-address.ts. Opening reads the address
 * first (a whole notebook, or cells to add to the stored one), else the
 * storage; anything refused is said in a notice and loses nothing else.
 */
import {
  decodeNotebook,
  encodeNotebook,
  MAX_ENCODED_CHARS,
  MAX_STORED_CHARS,
  NOTEBOOK_KEY,
  notebookFragment,
  type StoredCell,
} from "../../lib/notebook/notebook-address.js";
import { MAX_CELLS, STARTER_SQL } from "../../lib/notebook/notebook-cells.js";

const STORAGE_KEY = "accord-atlas:notebook";

export interface OpenedNotebook {
  cells: StoredCell[];
  /** What the page should say about where the cells came from, or what was refused. */
  notices: { text: string; kind: "info" | "refused" }[];
  /** True only for the starter notebook: nothing from a link or storage ever runs by itself. */
  runAtOnce: boolean;
}

function readStorage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The cells to show, and what to say about them. */
export async function openNotebook(hash = location.hash): Promise<OpenedNotebook> {
  const notices: OpenedNotebook["notices"] = [];
  const request = notebookFragment(hash);
  if (request.kind === "replace") {
    const decoded = await decodeNotebook(request.encoded);
    // A reload: the address holds the notebook this browser keeps.
    if (decoded.ok && request.encoded === readStorage()) return { cells: decoded.cells, notices, runAtOnce: false };
    if (decoded.ok) {
      const n = decoded.cells.length;
      notices.push({
        kind: "info",
        text: `This notebook comes from a link: ${n} cell${n === 1 ? "" : "s"}, none run yet. Read them, then press Run or Run all.`,
      });
      return { cells: decoded.cells, notices, runAtOnce: false };
    }
    notices.push({ kind: "refused", text: `The notebook in the address was not opened: ${decoded.problem}.` });
  }
  let stored: StoredCell[] | null = null;
  const kept = readStorage();
  if (kept) {
    const decoded = await decodeNotebook(kept, MAX_STORED_CHARS);
    if (decoded.ok) stored = decoded.cells;
    else
      notices.push({
        kind: "refused",
        text: `The notebook kept in this browser could not be read: ${decoded.problem}.`,
      });
  }
  if (request.kind === "add") {
    const decoded = await decodeNotebook(request.encoded);
    if (decoded.ok) {
      const base = stored ?? [];
      const room = Math.max(0, MAX_CELLS - base.length);
      const added = decoded.cells.slice(0, room);
      notices.push({
        kind: "info",
        text:
          added.length < decoded.cells.length
            ? `The notebook is full (${MAX_CELLS} cells): ${decoded.cells.length - added.length} cell(s) from the link were not added.`
            : `Added ${added.length === 1 ? "a cell" : `${added.length} cells`} at the end, not run yet: press Run.`,
      });
      return { cells: [...base, ...added], notices, runAtOnce: false };
    }
    notices.push({ kind: "refused", text: `The cell in the address was not added: ${decoded.problem}.` });
  }
  if (stored) return { cells: stored, notices, runAtOnce: false };
  return { cells: [{ sql: STARTER_SQL }], notices, runAtOnce: true };
}

/**
 * Keeps the cells in storage and in the address (replacing the history
 * entry); says why when either cannot take them.
 */
export async function keepNotebook(cells: readonly StoredCell[]): Promise<string | null> {
  const encoded = await encodeNotebook(cells);
  const problems: string[] = [];
  try {
    localStorage.setItem(STORAGE_KEY, encoded);
  } catch (error) {
    problems.push(`this browser's storage refused it (${error instanceof Error ? error.name : "error"})`);
  }
  const tooLong = encoded.length > MAX_ENCODED_CHARS;
  if (tooLong) {
    problems.push(
      `it is too long for a link (${encoded.length.toLocaleString("en")} characters; at most ${MAX_ENCODED_CHARS.toLocaleString("en")})`,
    );
  }
  // Too long: the address holds no notebook rather than an older one.
  const next = `${location.pathname}${location.search}${tooLong ? "" : `#${NOTEBOOK_KEY}=${encoded}`}`;
  history.replaceState(history.state, "", next);
  return problems.length ? `The notebook is not fully kept: ${problems.join("; ")}.` : null;
}
