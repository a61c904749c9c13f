/**
 * Files that could not be read, and the references that fail only because
 * of them. A file that is not UTF-8 or not valid YAML, JSON or CSV gives no
 * records, so every reference elsewhere to an id it defines would fail too:
 * those are folded into one problem at the broken file (how many, from how
 * many files, which ids), which the report puts right after the file's own
 * problem.
 */
import type { Problem } from "../model/problems.js";

export interface Unreadable {
  /** The file as reports name it. */
  file: string;
  /** Its text, decoded as well as can be (Latin-1 when it is not UTF-8): only its words are used. */
  text: string;
  /** The table a CSV file holds (only that table's ids can be missing); undefined for YAML and JSON. */
  table?: string;
}

/** Runs of id characters (lower-case letters, digits, '.', '-', '_'; upper case too, to be found and reported as written). */
const WORD = /[A-Za-z0-9][A-Za-z0-9._-]*/g;
/** Ids listed in a folded problem; the rest are counted. */
const SHOWN_IDS = 5;

interface Hidden {
  references: number;
  files: Set<string>;
  ids: Set<string>;
}

export class UnreadableFiles {
  private readonly files: { file: string; words: Set<string>; table?: string }[] = [];
  private readonly hidden = new Map<string, Hidden>();

  add({ file, text, table }: Unreadable): void {
    // Zero bytes removed, so the words of a UTF-16 file read as Latin-1 come out whole.
    this.files.push({ file, words: new Set(text.replaceAll("\u0000", "").match(WORD) ?? []), table });
  }

  /**
   * Whether a reference to `id` (in `table`, from `from`) fails only because
   * an unreadable file that mentions the id could not be read; if so it is
   * counted against that file.
   */
  hides(id: string, table: string, from: string): boolean {
    for (const f of this.files) {
      if (f.file === from || (f.table !== undefined && f.table !== table) || !f.words.has(id)) continue;
      let hidden = this.hidden.get(f.file);
      if (!hidden) {
        hidden = { references: 0, files: new Set(), ids: new Set() };
        this.hidden.set(f.file, hidden);
      }
      hidden.references++;
      hidden.files.add(from);
      hidden.ids.add(id);
      return true;
    }
    return false;
  }

  /** One problem per unreadable file that hides references, in the order the files were read. */
  knockOnProblems(): Problem[] {
    const problems: Problem[] = [];
    for (const { file } of this.files) {
      const hidden = this.hidden.get(file);
      if (!hidden) continue;
      const ids = [...hidden.ids];
      const shown = ids.slice(0, SHOWN_IDS).join(", ");
      const more = ids.length > SHOWN_IDS ? ` and ${ids.length - SHOWN_IDS} more` : "";
      const n = hidden.references;
      const from = hidden.files.size;
      problems.push({
        severity: "error",
        file,
        rank: "knock-on",
        message: `hides ${n} reference${n === 1 ? "" : "s"} in ${from} other file${from === 1 ? "" : "s"} to ids written in it (${shown}${more}): they cannot be checked until this file is read`,
        expected: "the problem above fixed; the references are checked again then",
      });
    }
    return problems;
  }
}
