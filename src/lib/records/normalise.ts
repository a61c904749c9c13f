/**
 * From validated records to table rows: inherited values resolved (a
 * commitment's date from its event), derived columns computed (status, counts,
 * deadline, affiliations), rows in a stable order, integer join keys numbered.
 * Works on the column stores, so a large folder is never turned into one object
 * per row.
 */
import { affiliationOf } from "../model/institution-scope.js";
import { ENTITY } from "../model/schema.js";
import { type DatedStatus, deadlineOf, deriveStatus } from "../model/status.js";
import { TABLE_NAMES } from "../model/tables.js";
import { groupBy, groupSize } from "./groups.js";
import type { KeyGroups, Tables } from "./record-types.js";
import { indexOf, type TableStore } from "./store.js";

const DATE_SUFFIXES = ["", "_precision", "_from", "_to"];

/** Fills a record's missing `date` (all four columns) from its event's start date. */
function inheritDates(store: TableStore, events: TableStore, eventIndex: Map<string, number>): void {
  const date = store.columns.date;
  const eventIds = store.columns.event_id;
  for (let i = 0; i < store.length; i++) {
    if (date[i] !== null || eventIds[i] === null) continue;
    const e = eventIndex.get(eventIds[i] as string);
    if (e === undefined) continue;
    for (const suffix of DATE_SUFFIXES) store.columns[`date${suffix}`][i] = events.columns[`start_date${suffix}`][e];
  }
}

/** The institutions' affiliation, countries and their words (institution-scope.ts). */
function deriveAffiliations(institutions: TableStore): void {
  const affiliation: unknown[] = new Array(institutions.length);
  const countries: unknown[] = new Array(institutions.length);
  const label: unknown[] = new Array(institutions.length);
  for (let i = 0; i < institutions.length; i++) {
    const a = affiliationOf({
      scope: institutions.get("scope", i) as string | null,
      country: institutions.get("country", i) as string | null,
      members: institutions.get("members", i) as string[] | null,
    });
    affiliation[i] = a.affiliation;
    countries[i] = a.countries;
    label[i] = a.label;
  }
  institutions.set("affiliation", affiliation);
  institutions.set("countries", countries);
  institutions.set("country_name", label);
}

/** `groups`: the validation's grouping of rows by key (computed here when not given). */
export function normalise(stores: Tables<TableStore>, groups?: KeyGroups): Tables<TableStore> {
  const events = stores.events;
  const eventIndex = groups?.events.first ?? indexOf(events);
  inheritDates(stores.commitments, events, eventIndex);
  inheritDates(stores.status_updates, events, eventIndex);

  const updates = stores.status_updates;
  const updatesByCommitment = new Map<string, DatedStatus[]>();
  for (let i = 0; i < updates.length; i++) {
    const commitment = updates.get("commitment_id", i) as string;
    const list = updatesByCommitment.get(commitment) ?? [];
    if (list.length === 0) updatesByCommitment.set(commitment, list);
    list.push({
      id: updates.get("id", i) as string,
      status: updates.get("status", i) as DatedStatus["status"],
      date: updates.get("date", i) as string,
      date_from: updates.get("date_from", i) as number,
      date_to: updates.get("date_to", i) as number,
    });
  }
  const partiesBy =
    groups?.commitment_parties ??
    groupBy(stores.commitment_parties.columns.commitment_id, stores.commitment_parties.length);

  const commitments = stores.commitments;
  const status: unknown[] = new Array(commitments.length);
  const statusDate: unknown[] = new Array(commitments.length);
  const updateCount: unknown[] = new Array(commitments.length);
  const parties: unknown[] = new Array(commitments.length);
  const deadline: unknown[] = new Array(commitments.length);
  const ids = commitments.columns.id as string[];
  const targetDateTo = commitments.columns.target_date_to as (number | null)[];
  const targetEvent = commitments.columns.target_event_id as (string | null)[];
  const eventStartTo = events.columns.start_date_to as (number | null)[];
  const eventEndTo = events.columns.end_date_to as (number | null)[];
  for (let i = 0; i < commitments.length; i++) {
    const own = updatesByCommitment.get(ids[i]) ?? [];
    const derived = deriveStatus(own);
    status[i] = derived.status;
    statusDate[i] = derived.status_date;
    updateCount[i] = own.length;
    parties[i] = groupSize(partiesBy, ids[i]);
    const e = targetEvent[i] === null ? undefined : eventIndex.get(targetEvent[i] as string);
    deadline[i] = deadlineOf({
      target_date_to: targetDateTo[i],
      target_event_start_to: e === undefined ? null : eventStartTo[e],
      target_event_end_to: e === undefined ? null : eventEndTo[e],
    });
  }
  commitments.set("status", status);
  commitments.set("status_date", statusDate);
  commitments.set("update_count", updateCount);
  commitments.set("party_count", parties);
  commitments.set("deadline", deadline);
  deriveAffiliations(stores.institutions);

  for (const table of TABLE_NAMES) stores[table].sortAndSeal(ENTITY[table].key);
  deriveJoinKeys(stores);
  return stores;
}

/**
 * The integer join keys (schema.ts, `joinKey`): each commitment's and
 * institution's row number in id order (the rows are sorted), and beside every
 * reference to one its number. The references are valid (validation), so each
 * finds its row.
 */
function deriveJoinKeys(stores: Tables<TableStore>): void {
  const numbered = (store: TableStore) => {
    store.set(
      "key",
      Array.from({ length: store.length }, (_, i) => i + 1),
    );
    return indexOf(store); // row index by id: the key less one
  };
  const keysOf = (store: TableStore, column: string, rows: Map<string, number>) => {
    const ids = store.columns[column];
    const keys: unknown[] = new Array(store.length);
    for (let i = 0; i < store.length; i++) {
      const row = rows.get(ids[i] as string);
      if (row === undefined) throw new Error(`${store.table} row ${i + 1}: ${column} "${ids[i]}" names no row`);
      keys[i] = row + 1;
    }
    return keys;
  };
  const commitments = numbered(stores.commitments);
  const institutions = numbered(stores.institutions);
  const parties = stores.commitment_parties;
  parties.set("commitment_key", keysOf(parties, "commitment_id", commitments));
  parties.set("institution_key", keysOf(parties, "institution_id", institutions));
  stores.status_updates.set("commitment_key", keysOf(stores.status_updates, "commitment_id", commitments));
}
