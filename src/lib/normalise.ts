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

function cellsOf(table: TableName, values: Record<string, unknown>): Row {
  const row: Row = {};
  for (const [name, field] of FIELD_ENTRIES.get(table) ?? []) Object.assign(row, field.cells(name, values[name]));
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
export function normalise(records: Tables<ValidRecord[]>): Tables<Row[]> {
  const eventStart = new Map(records.events.map((e) => [e.values.id as string, e.values.start_date as string]));
  const inheritDate = (values: Record<string, unknown>) =>
    values.date === undefined && values.event_id !== undefined
      ? { ...values, date: eventStart.get(values.event_id as string) }
      : values;

  const updates = records.status_updates.map((r) => cellsOf("status_updates", inheritDate(r.values)));
  const updatesByCommitment = new Map<string, DatedStatus[]>();
  for (const u of updates) {
    const list = updatesByCommitment.get(u.commitment_id as string) ?? [];
    list.push({
      id: u.id as string,
      status: u.status as DatedStatus["status"],
      date: u.date as string,
      date_from: parsePartialDate(u.date as string)?.from ?? "",
      date_to: parsePartialDate(u.date as string)?.to ?? "",
    });
    updatesByCommitment.set(u.commitment_id as string, list);
  }
  const parties = records.commitment_parties.map((r) => cellsOf("commitment_parties", r.values));
  const partyCount = new Map<string, number>();
  for (const p of parties)
    partyCount.set(p.commitment_id as string, (partyCount.get(p.commitment_id as string) ?? 0) + 1);

  const rows: Tables<Row[]> = {
    events: records.events.map((r) => cellsOf("events", r.values)),
    commitments: records.commitments.map((r) => {
      const row = cellsOf("commitments", inheritDate(r.values));
      const own = updatesByCommitment.get(row.id as string) ?? [];
      return {
        ...row,
        ...deriveStatus(own),
        update_count: own.length,
        party_count: partyCount.get(row.id as string) ?? 0,
      };
    }),
    commitment_parties: parties,
    status_updates: updates,
    institutions: records.institutions.map((r) => ({
      ...cellsOf("institutions", r.values),
      country_name: countryName(r.values.country as string),
    })),
    sources: records.sources.map((r) => cellsOf("sources", r.values)),
    sectors: records.sectors.map((r) => cellsOf("sectors", r.values)),
  };
  for (const table of TABLE_NAMES) rows[table].sort(compareKeys(ENTITY[table].key));
  return rows;
}
