/**
 * An independent reading of a YAML data folder for the build tests: record
 * counts and a few derived values computed straight from the YAML with the
 * `yaml` package, without src/lib (whose output the tests check).
 *
 * Only YAML is handled; a JSON or CSV record file in the folder makes
 * `readYamlRecords` throw, so a count can never silently miss records.
 */
import { readdirSync, readFileSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { parse } from "yaml";

export type Plain = Record<string, unknown>;

export interface YamlFile {
  /** Path relative to the data folder. */
  path: string;
  doc: Plain;
}

export interface YamlRecords {
  files: YamlFile[];
  events: Plain[];
  /** Each commitment with the event of its file (when in an event file). */
  commitments: { record: Plain; event?: Plain; file: string }[];
  /** Parties written under commitments (`institution` copied to `institution_id`) plus top-level commitment_parties lists. */
  parties: Plain[];
  statusUpdates: { record: Plain; event?: Plain; file: string }[];
  institutions: Plain[];
  sources: Plain[];
  sectors: Plain[];
}

const list = (value: unknown): Plain[] => (Array.isArray(value) ? (value as Plain[]) : []);

/** Reads every .yaml/.yml file under dir (as src/lib/pipeline/files.ts walks: hidden files and stories/ skipped). */
export function readYamlRecords(dir: string): YamlRecords {
  const files: YamlFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (folder === dir && entry.name === "stories") continue;
        walk(path);
        continue;
      }
      const ext = extname(entry.name).toLowerCase();
      if (ext === ".json" || ext === ".csv") {
        throw new Error(`readYamlRecords handles YAML only; ${path} needs a JSON/CSV counter in test/build/records.ts`);
      }
      if (ext === ".yaml" || ext === ".yml") {
        files.push({ path: relative(dir, path), doc: (parse(readFileSync(path, "utf8")) ?? {}) as Plain });
      }
    }
  };
  walk(dir);
  files.sort((a, b) => (a.path < b.path ? -1 : 1));

  const out: YamlRecords = {
    files,
    events: [],
    commitments: [],
    parties: [],
    statusUpdates: [],
    institutions: [],
    sources: [],
    sectors: [],
  };
  for (const { path, doc } of files) {
    const event = doc.event && typeof doc.event === "object" ? (doc.event as Plain) : undefined;
    if (event) out.events.push(event);
    out.events.push(...list(doc.events));
    for (const c of list(doc.commitments)) {
      out.commitments.push({ record: c, event, file: path });
      for (const p of list(c.parties)) out.parties.push({ ...p, commitment_id: c.id, institution_id: p.institution });
    }
    out.parties.push(...list(doc.commitment_parties));
    for (const u of list(doc.status_updates)) out.statusUpdates.push({ record: u, event, file: path });
    out.institutions.push(...list(doc.institutions));
    out.sources.push(...list(doc.sources));
    out.sectors.push(...list(doc.sectors));
  }
  return out;
}

/** Row counts per table, as the records say. */
export function recordCounts(r: YamlRecords): Record<string, number> {
  return {
    events: r.events.length,
    commitments: r.commitments.length,
    commitment_parties: r.parties.length,
    status_updates: r.statusUpdates.length,
    institutions: r.institutions.length,
    sources: r.sources.length,
    sectors: r.sectors.length,
  };
}

/** A date as written (YAML reads an unquoted 2026 as a number). */
export function dateText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

export function precisionOf(date: string): "year" | "month" | "day" {
  const dashes = date.split("-").length - 1;
  return dashes === 0 ? "year" : dashes === 1 ? "month" : "day";
}

/** First and last day (YYYY-MM-DD) a partial date covers. */
export function spanOf(date: string): { from: string; to: string } {
  const [y, m, d] = date.split("-");
  if (d) return { from: date, to: date };
  if (m) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { from: `${y}-${m}-01`, to: `${y}-${m}-${String(last).padStart(2, "0")}` };
  }
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** The date a commitment or status update has: its own, else its event's start date. */
export function effectiveDate(item: { record: Plain; event?: Plain }): string | undefined {
  return dateText(item.record.date) ?? dateText(item.event?.start_date);
}

/**
 * A commitment's current status as the records say: the status of its
 * latest update (by last day covered, then first day, then id), else
 * "announced".
 */
export function expectedStatus(
  r: YamlRecords,
  commitmentId: string,
): { status: string; date: string | null; updates: number } {
  const updates = r.statusUpdates
    .filter((u) => u.record.commitment_id === commitmentId)
    .map((u) => {
      const date = effectiveDate(u) ?? "";
      return { id: String(u.record.id), status: String(u.record.status), date, ...spanOf(date) };
    });
  if (updates.length === 0) return { status: "announced", date: null, updates: 0 };
  updates.sort((a, b) =>
    a.to !== b.to ? (a.to < b.to ? -1 : 1) : a.from !== b.from ? (a.from < b.from ? -1 : 1) : a.id < b.id ? -1 : 1,
  );
  const latest = updates[updates.length - 1];
  return { status: latest.status, date: latest.date, updates: updates.length };
}
