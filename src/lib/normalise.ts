/**
 * From validated records to table rows: one row per record, every field's
 * columns filled, inherited values resolved (a commitment's date from its
 * event), derived columns computed, rows in a stable order.
 */
import { countryName } from "./countries.js";
import { parsePartialDate } from "./dates.js";
import type { TableName } from "./fields.js";
import { ENTITY, TABLE_NAMES } from "./schema.js";
import { type DatedStatus, deriveStatus } from "./status.js";
import type { Tables, ValidRecord } from "./validate.js";

export type Row = Record<string, unknown>;

const FIELD_ENTRIES = new Map(TABLE_NAMES.map((t) => [t, Object.entries(ENTITY[t].fields)]));

/** A record's cells; `date` falls back to `inheritedDate` when the record has none. */
function cellsOf(table: TableName, values: Record<string, unknown>, inheritedDate?: unknown): Row {
  const row: Row = {};
  for (const [name, field] of FIELD_ENTRIES.get(table) ?? []) {
    const value = name === "date" && values.date === undefined ? inheritedDate : values[name];
    const cells = field.cells(name, value);
    for (const key in cells) row[key] = cells[key];
  }
  return row;
}

function compareKeys(keys: string[]) {
  if (keys.length === 1) {
    const [k] = keys;
    return (a: Row, b: Row) => {
      const x = a[k] as string;
      const y = b[k] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    };
  }
  return (a: Row, b: Row) => {
    for (const k of keys) {
      const x = String(a[k]);
      const y = String(b[k]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}

/** Table rows for every table; counts equal the number of valid records. */
export interface NormaliseOptions {
  /** Empty each table's record list once its rows are made, so a large folder is not held twice. */
  release?: boolean;
}

export function normalise(records: Tables<ValidRecord[]>, { release = false }: NormaliseOptions = {}): Tables<Row[]> {
  const eventStart = new Map(records.events.map((e) => [e.values.id as string, e.values.start_date as string]));
  const inherited = (values: Record<string, unknown>) =>
    values.event_id === undefined ? undefined : eventStart.get(values.event_id as string);
  const take = <T>(table: TableName, make: (r: ValidRecord) => T): T[] => {
    const out = records[table].map(make);
    if (release) records[table] = [];
    return out;
  };

  const updates = take("status_updates", (r) => cellsOf("status_updates", r.values, inherited(r.values)));
  const updatesByCommitment = new Map<string, DatedStatus[]>();
  for (const u of updates) {
    const list = updatesByCommitment.get(u.commitment_id as string) ?? [];
    const date = parsePartialDate(u.date as string);
    list.push({
      id: u.id as string,
      status: u.status as DatedStatus["status"],
      date: u.date as string,
      date_from: date?.from ?? "",
      date_to: date?.to ?? "",
    });
    updatesByCommitment.set(u.commitment_id as string, list);
  }
  const parties = take("commitment_parties", (r) => cellsOf("commitment_parties", r.values));
  const partyCount = new Map<string, number>();
  for (const p of parties) {
    partyCount.set(p.commitment_id as string, (partyCount.get(p.commitment_id as string) ?? 0) + 1);
  }
  const commitments = take("commitments", (r) => {
    const row = cellsOf("commitments", r.values, inherited(r.values));
    const own = updatesByCommitment.get(row.id as string) ?? [];
    const { status, status_date } = deriveStatus(own);
    row.status = status;
    row.status_date = status_date;
    row.update_count = own.length;
    row.party_count = partyCount.get(row.id as string) ?? 0;
    return row;
  });
  const rows: Tables<Row[]> = {
    events: take("events", (r) => cellsOf("events", r.values)),
    commitments,
    commitment_parties: parties,
    status_updates: updates,
    institutions: take("institutions", (r) => {
      const row = cellsOf("institutions", r.values);
      row.country_name = countryName(r.values.country as string);
      return row;
    }),
    sources: take("sources", (r) => cellsOf("sources", r.values)),
    sectors: take("sectors", (r) => cellsOf("sectors", r.values)),
  };
  for (const table of TABLE_NAMES) rows[table].sort(compareKeys(ENTITY[table].key));
  return rows;
}
