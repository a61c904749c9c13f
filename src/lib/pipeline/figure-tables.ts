/**
 * The records a story slide's figures are counted from
 * (src/lib/model/figure-records.ts), read from the validated tables in
 * memory (`npm run validate`) or from the table cache's Arrow files (the
 * build, the dev server and the stories loader): the same columns either way.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import type { FigureRecords } from "../model/figure-records.js";
import type { InstitutionInfo } from "../network/graph.js";
import type { Tables } from "../records/record-types.js";
import type { TableStore } from "../records/store.js";

const DAY_MS = 86_400_000;

type Rows = Record<string, unknown>[];

const INSTITUTION_COLUMNS = ["id", "name", "acronym", "affiliation", "countries", "country_name", "naming", "type"];
const COMMITMENT_COLUMNS = ["id", "event_id", "sector", "status", "date_from", "date_to"];

/** Rows of plain values from named columns, given each column as a list. */
function rowsOf(columns: Record<string, ArrayLike<unknown>>, names: readonly string[], length: number): Rows {
  const rows: Rows = [];
  for (let i = 0; i < length; i++) rows.push(Object.fromEntries(names.map((n) => [n, columns[n][i]])));
  return rows;
}

function figureRecords(
  institutions: Rows,
  commitments: Rows,
  parties: Rows,
  events: Rows,
  day: (v: unknown) => number,
) {
  return {
    institutions: institutions.map(
      (r): InstitutionInfo => ({
        id: String(r.id),
        name: String(r.name),
        acronym: (r.acronym as string | null) ?? null,
        affiliation: String(r.affiliation),
        countries: Array.from((r.countries as Iterable<string> | null) ?? [], String),
        country_name: String(r.country_name),
        naming: String(r.naming ?? "named"),
        type: String(r.type),
      }),
    ),
    commitments: commitments.map((r) => ({
      id: String(r.id),
      event_id: String(r.event_id),
      sector: String(r.sector),
      status: String(r.status),
      date_from: day(r.date_from),
      date_to: day(r.date_to),
    })),
    parties: parties.map((r) => ({ commitment_id: String(r.commitment_id), institution_id: String(r.institution_id) })),
    eventSeries: new Map(events.map((r) => [String(r.id), (r.series as string | null) ?? null])),
  } satisfies FigureRecords;
}

/** From the validated tables in memory (dates are day numbers there). */
export function figureRecordsFromStores(stores: Tables<TableStore>): FigureRecords {
  const rows = (store: TableStore, names: readonly string[]) =>
    rowsOf(store.columns as Record<string, ArrayLike<unknown>>, names, (store.columns[names[0]] as unknown[]).length);
  return figureRecords(
    rows(stores.institutions, INSTITUTION_COLUMNS),
    rows(stores.commitments, COMMITMENT_COLUMNS),
    rows(stores.commitment_parties, ["commitment_id", "institution_id"]),
    rows(stores.events, ["id", "series"]),
    Number,
  );
}

/** From the table cache's Arrow files (dates come as milliseconds since the epoch). */
export function figureRecordsFromCache(folder: string): FigureRecords {
  const rows = (table: string, names: readonly string[]) => {
    const arrow = tableFromIPC(readFileSync(join(folder, `${table}.arrow`)));
    const columns: Record<string, unknown[]> = {};
    for (const name of names) {
      const vector = arrow.getChild(name);
      if (!vector) throw new Error(`${table}.arrow has no column ${name}`);
      columns[name] = Array.from(vector as Iterable<unknown>);
    }
    return rowsOf(columns, names, arrow.numRows);
  };
  return figureRecords(
    rows("institutions", INSTITUTION_COLUMNS),
    rows("commitments", COMMITMENT_COLUMNS),
    rows("commitment_parties", ["commitment_id", "institution_id"]),
    rows("events", ["id", "series"]),
    (v) => Math.round((v instanceof Date ? v.getTime() : Number(v)) / DAY_MS),
  );
}
