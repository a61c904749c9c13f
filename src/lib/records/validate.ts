/**
 * Validation of records read from files: each record against its entity's
 * schema, then across records (duplicate ids, references to other tables,
 * dates that contradict each other). Every problem is collected.
 */
import { z } from "zod";
import { type FieldSpec, REJECT } from "../model/fields.js";
import { type Problem, showValue, where } from "../model/problems.js";
import { ENTITIES, ENTITY, type EntitySpec } from "../model/schema.js";
import { TABLE_NAMES, type TableName } from "../model/tables.js";
import { MARKUP, suggestion } from "../model/text-checks.js";
import { groupBy } from "./groups.js";
import { checkInstitutionScopes, checkSeriesBodies } from "./institution-checks.js";
import { didYouMean, type InvalidId, KnownIds, namesOf } from "./known-ids.js";
import { fieldLoc, type RawRecord } from "./record.js";
import type { KeyGroups, Tables, ValidRecord } from "./record-types.js";
import { TableStore } from "./store.js";
import { type Unreadable, UnreadableFiles } from "./unreadable-files.js";

/** A record that passed its schema: the same shape, with values parsed (trimmed, typed). */

export interface Validation {
  /** Valid records, as columns. */
  stores: Tables<TableStore>;
  /** Valid records grouped by id (by commitment for parties), shared with normalisation. */
  groups: KeyGroups;
  /** Records read per table, valid or not: the start of the count reconciliation. */
  read: Tables<number>;
  problems: Problem[];
}

const TEXT_KINDS = new Set(["text", "longText", "textList"]);

const objectSchemas = new Map<TableName, z.ZodType>();
function objectSchema(entity: EntitySpec): z.ZodType {
  let schema = objectSchemas.get(entity.table);
  if (!schema) {
    const shape = Object.fromEntries(Object.entries(entity.fields).map(([name, field]) => [name, field.zod]));
    schema = z.strictObject(shape);
    objectSchemas.set(entity.table, schema);
  }
  return schema;
}

function emptyTables<T>(make: (table: TableName) => T): Tables<T> {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, make(t)])) as Tables<T>;
}

const FIELD_ENTRIES = new Map(ENTITIES.map((e) => [e.table, Object.entries(e.fields)]));

/**
 * A record's values parsed by the fields' `accept` checks, or undefined when
 * any value (or an unknown field) is not plainly valid. The same result as
 * the zod schema for every record it accepts, without zod's result objects.
 */
export function acceptRecord(entity: EntitySpec, raw: Record<string, unknown>): Record<string, unknown> | undefined {
  for (const key in raw) if (!Object.hasOwn(entity.fields, key)) return undefined;
  const values: Record<string, unknown> = {};
  for (const [name, field] of FIELD_ENTRIES.get(entity.table) ?? []) {
    const value = field.accept(raw[name]);
    if (value === REJECT) return undefined;
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/** The same record through the zod schema: the reference, and the words of every problem. */
export function zodParseRecord(entity: EntitySpec, raw: Record<string, unknown>) {
  return objectSchema(entity).safeParse(raw);
}

/**
 * Checks one record against its schema. Plainly valid records take the fast
 * path (`acceptRecord`); any other goes through zod, which decides and
 * reports, so problems are worded the same either way.
 */
/** A reference that is not even an id (`NAVTTC`, `Government of Pakistan`): its "did you mean" waits for every record's name. */
export interface MalformedReference {
  problem: Problem;
  table: TableName;
  value: string;
}

export function validateRecord(
  raw: RawRecord,
  problems: Problem[],
  malformed?: MalformedReference[],
): ValidRecord | undefined {
  const entity = ENTITY[raw.table];
  const fast = acceptRecord(entity, raw.values);
  if (VERIFY) verifyAgainstZod(entity, raw, fast);
  const result = fast ? { success: true as const, data: fast } : zodParseRecord(entity, raw.values);
  if (!result.success) {
    reportIssues(raw, entity, result.error.issues, problems, malformed);
    // Every problem at once: the warnings of a record that has errors too.
    checkMarkup(raw, raw.values, problems);
    return undefined;
  }
  const values = result.data as Record<string, unknown>;
  checkMarkup(raw, values, problems);
  return {
    table: raw.table,
    values,
    loc: raw.loc,
    fieldLocs: raw.fieldLocs,
    columns: raw.columns,
    path: raw.path,
    row: raw.row,
    rowSuffix: raw.rowSuffix,
  };
}

/**
 * The problems of a record zod refused, in words. A required field missing
 * because its name was mistyped (`sumary`) is one problem, the typo, which
 * says the field it likely meant is required.
 */
function reportIssues(
  raw: RawRecord,
  entity: EntitySpec,
  issues: readonly z.core.$ZodIssue[],
  problems: Problem[],
  malformed?: MalformedReference[],
): void {
  const typos = new Map<string, string>();
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    for (const key of issue.keys) {
      const near = suggestion(key, new Set(Object.keys(entity.fields)));
      if (near && !Object.hasOwn(raw.values, near) && !typos.has(near)) typos.set(near, key);
    }
  }
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const near = suggestion(key, new Set(Object.keys(entity.fields)));
        const meant = near && typos.get(near) === key ? near : undefined;
        const required = meant && entity.fields[meant].required ? `, which is required and missing` : "";
        problems.push({
          severity: "error",
          ...fieldLoc(raw, key),
          field: `${raw.path}.${key}`,
          message: `is not a field of ${raw.table}${near ? ` (did you mean "${near}"${required}?)` : ""}`,
          expected: `fields among: ${Object.keys(entity.fields).join(", ")}`,
        });
      }
      continue;
    }
    const name = String(issue.path[0] ?? "");
    const field: FieldSpec | undefined = entity.fields[name];
    const value = raw.values[name];
    const item = issue.path.length > 1 ? `[${String(issue.path[1])}]` : "";
    const missing = value === undefined || value === null;
    if (missing && typos.has(name)) continue; // said with the typo
    const itemValue = issue.path.length > 1 ? (value as unknown[])[Number(issue.path[1])] : value;
    const problem: Problem = {
      severity: "error",
      ...fieldLoc(raw, name),
      field: `${raw.path}.${writtenName(raw.path, name)}${item}`,
      value: missing ? undefined : showValue(itemValue),
      message: missing ? "is missing (required)" : describeIssue(issue, value),
      expected: field?.expected,
    };
    problems.push(problem);
    if (field?.ref && typeof itemValue === "string") {
      malformed?.push({ problem, table: field.ref, value: itemValue });
    }
  }
}

/** A warning for each text field that holds markup (raw values of an invalid record are checked as they are). */
function checkMarkup(raw: RawRecord, values: Record<string, unknown>, problems: Problem[]): void {
  for (const [name, field] of FIELD_ENTRIES.get(raw.table) ?? []) {
    if (!TEXT_KINDS.has(field.kind)) continue;
    const texts = Array.isArray(values[name]) ? (values[name] as unknown[]) : [values[name]];
    if (texts.some((t) => typeof t === "string" && MARKUP.test(t))) {
      problems.push({
        severity: "warning",
        ...fieldLoc(raw, name),
        field: `${raw.path}.${writtenName(raw.path, name)}`,
        message: "contains markup; it is kept as text and shown as typed, never as HTML",
      });
    }
  }
}

/**
 * The name a field was written under: a party inside a commitment's
 * `parties` names its institution as `institution` (the table's column is
 * `institution_id`), so reports use the key the analyst wrote.
 */
export function writtenName(path: string, field: string): string {
  return field === "institution_id" && /\.parties\[\d+\]$/.test(path) ? "institution" : field;
}

/**
 * Set for the unit tests (vitest.config.ts): every record also goes through
 * zod, and a fast check that accepts what zod refuses, or parses a value
 * differently, throws. The whole validation corpus is thus run both ways.
 */
const VERIFY = typeof process !== "undefined" && process.env.ACCORD_VERIFY_CHECKS === "1";

function verifyAgainstZod(entity: EntitySpec, raw: RawRecord, fast: Record<string, unknown> | undefined): void {
  const reference = zodParseRecord(entity, raw.values);
  const data = reference.success ? (reference.data as Record<string, unknown>) : undefined;
  if (fast ? !(data && sameValues(fast, data)) : reference.success) {
    throw new Error(
      `fast checks and zod disagree on ${raw.loc.file}:${raw.loc.line ?? ""} ${raw.path}: ${JSON.stringify(fast)} vs ${JSON.stringify(data)}`,
    );
  }
}

/** Same defined values (strings, numbers, lists of strings). */
function sameValues(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((item, i) => item !== y[i])) return false;
    } else if (x !== y) return false;
  }
  return true;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === "invalid_type") {
    const got = Array.isArray(value)
      ? "a list"
      : value !== null && typeof value === "object"
        ? "a mapping"
        : `a ${typeof value}`;
    return `has the wrong type (${got})`;
  }
  return issue.message;
}

/**
 * Validation fed one record at a time, so a large folder can be read file by
 * file: valid records go straight into column stores, raw ones are dropped.
 */
export class Validator {
  private readonly stores = emptyTables((table) => new TableStore(table));
  private readonly read = emptyTables(() => 0);
  // Ids of invalid records and of records outside (see the constructor): with
  // the valid ones, the ids references may name (see known-ids.ts).
  private readonly invalidIds = emptyTables((): InvalidId[] => []);
  private readonly unreadable = new UnreadableFiles();
  private readonly malformed: MalformedReference[] = [];

  /**
   * `outside`: ids of records kept elsewhere (the data folder, beside a file
   * checked on its own): references to them resolve.
   */
  constructor(
    readonly problems: Problem[] = [],
    outside: Partial<Record<TableName, Iterable<string>>> = {},
  ) {
    for (const table of TABLE_NAMES)
      for (const id of outside[table] ?? []) this.invalidIds[table].push({ id, before: 0 });
  }

  add(raw: RawRecord): void {
    this.read[raw.table]++;
    const valid = validateRecord(raw, this.problems, this.malformed);
    const store = this.stores[raw.table];
    if (valid) store.add(valid);
    else if (typeof raw.values.id === "string") {
      this.invalidIds[raw.table].push({ id: raw.values.id.trim(), before: store.length });
    }
  }

  /**
   * A file that could not be read (not UTF-8, not valid YAML/JSON/CSV, a
   * broken header): references to ids its text mentions are folded into one
   * problem at the file instead of one each.
   */
  addUnreadable(file: Unreadable): void {
    this.unreadable.add(file);
  }

  /** Records read so far. */
  count(): number {
    let n = 0;
    for (const table of TABLE_NAMES) n += this.read[table];
    return n;
  }

  /** Checks the records against each other. */
  finish(): Validation {
    const { stores, invalidIds, read, problems } = this;
    const groups = checkDuplicates(stores, problems);
    const known = emptyTables((t) =>
      ENTITY[t].key[0] === "id"
        ? new KnownIds(groups[t].first, stores[t].columns.id, invalidIds[t], () => recordNames(stores[t]))
        : new KnownIds(new Map(), [], []),
    );
    checkReferences(stores, known, problems, this.unreadable);
    for (const { problem, table, value } of this.malformed)
      problem.message += didYouMean(known[table].likelyMeant(value));
    problems.push(...this.unreadable.knockOnProblems());
    checkDates(stores, groups, problems);
    checkParties(stores, groups, problems);
    checkInstitutionScopes(stores, problems);
    checkSeriesBodies(stores, groups, problems);
    return { stores, groups, read, problems };
  }
}

/** Groups larger than this are checked with a map instead of pair by pair. */
const SMALL_GROUP = 16;

function checkDuplicates(stores: Tables<TableStore>, problems: Problem[]): KeyGroups {
  const all = {} as KeyGroups;
  for (const entity of ENTITIES) {
    const store = stores[entity.table];
    const keyColumns = entity.key.map((k) => store.columns[k]);
    const field = entity.key[entity.key.length - 1];
    const keyOf = (i: number) => keyColumns.map((c) => String(c[i])).join(" / ");
    // Rows with the first key column in common, then the rest of the key
    // compared within each group: no key string per row.
    const groups = groupBy(keyColumns[0], store.length);
    all[entity.table] = groups;
    const duplicates: [row: number, earlier: number][] = [];
    if (keyColumns.length === 1) {
      for (let i = 0; i < store.length; i++) {
        const earlier = groups.first.get(String(keyColumns[0][i])) as number;
        if (earlier !== i) duplicates.push([i, earlier]);
      }
    } else {
      const rest = (i: number) =>
        keyColumns
          .slice(1)
          .map((c) => String(c[i]))
          .join(" / ");
      const rows: number[] = [];
      for (const head of groups.first.values()) {
        rows.length = 0;
        for (let i = head; i >= 0; i = groups.next[i]) rows.push(i);
        if (rows.length === 1) continue;
        if (rows.length <= SMALL_GROUP) {
          for (let b = 1; b < rows.length; b++) {
            const key = rest(rows[b]);
            for (let a = 0; a < b; a++) {
              if (rest(rows[a]) === key) {
                duplicates.push([rows[b], rows[a]]);
                break;
              }
            }
          }
        } else {
          const seen = new Map<string, number>();
          for (const i of rows) {
            const key = rest(i);
            const earlier = seen.get(key);
            if (earlier === undefined) seen.set(key, i);
            else duplicates.push([i, earlier]);
          }
        }
      }
      duplicates.sort((x, y) => x[0] - y[0]);
    }
    for (const [i, earlier] of duplicates) {
      const key = keyOf(i);
      problems.push({
        severity: "error",
        ...store.fieldLoc(i, field),
        field: `${store.path(i)}.${entity.key.join("+")}`,
        value: showValue(key),
        message: `is a duplicate: already used at ${where(store.fieldLoc(earlier, field))}`,
        expected: `a unique ${entity.key.join(" + ")} in ${entity.table}`,
      });
    }
  }
  return all;
}

/** Names, acronyms, aliases and titles (one-line text fields) of a table's records → id, for "did you mean". */
function recordNames(store: TableStore): Map<string, string> {
  const texts = (FIELD_ENTRIES.get(store.table) ?? [])
    .filter(([, field]) => field.kind === "text" || field.kind === "textList")
    .map(([name]) => store.columns[name])
    .filter((column) => column !== undefined);
  return namesOf(store.columns.id, texts, store.length);
}

function checkReferences(
  stores: Tables<TableStore>,
  known: Tables<KnownIds>,
  problems: Problem[],
  unreadable: UnreadableFiles,
): void {
  for (const entity of ENTITIES) {
    const store = stores[entity.table];
    for (const [name, field] of Object.entries(entity.fields)) {
      if (!field.ref) continue;
      const target = field.ref as TableName;
      const ids = known[target];
      const column = store.columns[name];
      for (let i = 0; i < store.length; i++) {
        const value = column[i];
        if (value === null || value === undefined) continue;
        const list = Array.isArray(value) ? (value as string[]) : [value as string];
        for (let k = 0; k < list.length; k++) {
          const id = list[k];
          if (ids.has(id)) continue;
          const loc = store.fieldLoc(i, name);
          if (unreadable.hides(id, target, loc.file)) continue;
          problems.push({
            severity: "error",
            ...loc,
            field: `${store.path(i)}.${writtenName(store.path(i), name)}${Array.isArray(value) ? `[${k}]` : ""}`,
            value: showValue(id),
            message: `is not a known ${singular(target)}${didYouMean(ids.likelyMeant(id))}`,
            expected: `the id of a record in ${target}`,
          });
        }
      }
    }
  }
}

function singular(table: TableName): string {
  return (
    {
      sectors: "sector",
      institutions: "institution",
      sources: "source",
      events: "event",
      commitments: "commitment",
      commitment_parties: "party",
      status_updates: "status update",
    } as const
  )[table];
}

/** A record's own date, or its event's start date: text and span (days since 1970). */
interface Span {
  text: string;
  from: number;
  to: number;
}

function spanOf(store: TableStore, i: number, eventIndex: Map<string, number>, events: TableStore): Span | undefined {
  const own = store.get("date", i);
  if (typeof own === "string") {
    return { text: own, from: store.get("date_from", i) as number, to: store.get("date_to", i) as number };
  }
  const e = eventIndex.get(store.get("event_id", i) as string);
  if (e === undefined) return undefined;
  return {
    text: events.get("start_date", e) as string,
    from: events.get("start_date_from", e) as number,
    to: events.get("start_date_to", e) as number,
  };
}

function checkDates(stores: Tables<TableStore>, groups: KeyGroups, problems: Problem[]): void {
  const events = stores.events;
  for (let i = 0; i < events.length; i++) {
    const end = events.get("end_date", i);
    if (end === null || end === undefined) continue;
    if ((events.get("end_date_to", i) as number) < (events.get("start_date_from", i) as number)) {
      problems.push({
        severity: "error",
        ...events.fieldLoc(i, "end_date"),
        field: `${events.path(i)}.end_date`,
        value: showValue(end),
        message: `is before the start date (${events.get("start_date", i)})`,
        expected: "an end date on or after the start date",
      });
    }
  }
  const updates = stores.status_updates;
  for (let i = 0; i < updates.length; i++) {
    if (updates.get("date", i) === null && updates.get("event_id", i) === null) {
      problems.push({
        severity: "error",
        ...updates.loc(i),
        field: `${updates.path(i)}.date`,
        message: "is missing, and there is no event to take it from",
        expected: "a date, or an event_id (or the update written in an event file)",
      });
    }
  }
  const eventIndex = groups.events.first;
  const commitments = stores.commitments;
  const commitmentIndex = groups.commitments.first;
  for (let i = 0; i < updates.length; i++) {
    const c = commitmentIndex.get(updates.get("commitment_id", i) as string);
    if (c === undefined) continue;
    const updateDate = spanOf(updates, i, eventIndex, events);
    const commitmentDate = spanOf(commitments, c, eventIndex, events);
    if (updateDate && commitmentDate && updateDate.to < commitmentDate.from) {
      const own = updates.get("date", i) !== null;
      problems.push({
        severity: "error",
        // A date taken from the event is reported at the update itself, not at the event it came from.
        ...(own ? updates.fieldLoc(i, "date") : updates.loc(i)),
        field: `${updates.path(i)}.date`,
        value: showValue(updateDate.text),
        message: `${own ? "" : "(taken from its event, as the update has no date of its own) "}is before the commitment it updates was made (${commitmentDate.text})`,
        expected: own
          ? "evidence dated on or after the commitment"
          : "evidence dated on or after the commitment: give the update its own date, or move it to the event where it happened",
      });
    }
  }
  checkTargetDates(commitments, eventIndex, events, problems);
}

/**
 * A target that ends before the commitment begins (its own date, or its
 * event's start) is an error: a promise is not due before it is made, so it
 * is almost always a mistyped year. Partial dates are compared as spans, so
 * only a target wholly before the commitment is reported.
 */
function checkTargetDates(
  commitments: TableStore,
  eventIndex: Map<string, number>,
  events: TableStore,
  problems: Problem[],
): void {
  if (!("target_date_to" in commitments.columns)) return;
  for (let i = 0; i < commitments.length; i++) {
    const target = commitments.get("target_date", i);
    if (target === null || target === undefined) continue;
    const made = spanOf(commitments, i, eventIndex, events);
    if (!made || (commitments.get("target_date_to", i) as number) >= made.from) continue;
    const own = commitments.get("date", i) !== null && commitments.get("date", i) !== undefined;
    problems.push({
      severity: "error",
      ...commitments.fieldLoc(i, "target_date"),
      field: `${commitments.path(i)}.target_date`,
      value: showValue(target),
      message: `is before the commitment was made (${made.text}${own ? "" : ", its event's start date"})`,
      expected: "a target date on or after the commitment's date (check the year)",
    });
  }
}

function checkParties(stores: Tables<TableStore>, groups: KeyGroups, problems: Problem[]): void {
  const bound = groups.commitment_parties.first;
  const commitments = stores.commitments;
  for (let i = 0; i < commitments.length; i++) {
    const id = commitments.get("id", i) as string;
    if (bound.has(id)) continue;
    problems.push({
      severity: "warning",
      ...commitments.loc(i),
      field: `${commitments.path(i)}.parties`,
      value: showValue(id),
      message: "binds no institution or government; it will not appear in the network",
      expected:
        'parties: the institutions bound, or the two governments when the source names none (see "A commitment that names no institution" in docs/data-format.md)',
    });
  }
}
