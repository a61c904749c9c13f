/**
 * The types the records pipeline passes between reading, checking and
 * normalising (src/lib/records/validate.ts, normalise.ts, store.ts), kept
 * apart so those modules do not import each other for them.
 */
import type { TableName } from "../model/tables.js";
import type { Groups } from "./groups.js";
import type { RawRecord } from "./record.js";

/** One value per table. */
export type Tables<T> = Record<TableName, T>;

/** A record whose fields passed the checks (the raw record, as read). */
export type ValidRecord = RawRecord;

/** A normalised row, as the tables hold it. */
export type Row = Record<string, unknown>;

/** Each table's rows grouped by the first column of its key (`id`; `commitment_id` for parties). */
export type KeyGroups = Tables<Groups>;
