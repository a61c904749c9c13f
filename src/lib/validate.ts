/**
 * Validation of records read from files: each record against its entity's
 * schema, then across records (duplicate ids, references to other tables,
 * dates that contradict each other). Every problem is collected.
 */
import { z } from "zod";
import { parsePartialDate } from "./dates.js";
import type { FieldSpec, TableName } from "./fields.js";
import { type Location, type Problem, showValue, where } from "./problems.js";
import { fieldLoc, type RawRecord } from "./read/record.js";
import { ENTITIES, ENTITY, type EntitySpec, TABLE_NAMES } from "./schema.js";

/** A record that passed its schema: values are parsed (trimmed, typed). */
export interface ValidRecord {
  table: TableName;
  values: Record<string, unknown>;
  loc: Location;
  fieldLocs: Record<string, Location>;
  columns?: Readonly<Record<string, number>>;
  path: string;
}

export type Tables<T> = Record<TableName, T>;

export interface Validation {
  records: Tables<ValidRecord[]>;
  /** Records read per table, valid or not: the start of the count reconciliation. */
  read: Tables<number>;
  problems: Problem[];
}

const MARKUP = /<\/?[a-z!][^>]*>|&[a-z]+;|&#\d+;/i;
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

function emptyTables<T>(make: () => T): Tables<T> {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, make()])) as Tables<T>;
}

/** Checks one record against its schema. */
export function validateRecord(raw: RawRecord, problems: Problem[]): ValidRecord | undefined {
  const entity = ENTITY[raw.table];
  const result = objectSchema(entity).safeParse(raw.values);
  const locOf = (field: string) => fieldLoc(raw, field);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          problems.push({
            severity: "error",
            ...locOf(key),
            field: `${raw.path}.${key}`,
            message: `is not a field of ${raw.table}${fieldHint(key, entity)}`,
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
      problems.push({
        severity: "error",
        ...locOf(name),
        field: `${raw.path}.${name}${item}`,
        value: missing
          ? undefined
          : showValue(issue.path.length > 1 ? (value as unknown[])[Number(issue.path[1])] : value),
        message: missing ? "is missing (required)" : describeIssue(issue, value),
        expected: field?.expected,
      });
    }
    return undefined;
  }
  const values = result.data as Record<string, unknown>;
  for (const [name, field] of Object.entries(entity.fields)) {
    if (!TEXT_KINDS.has(field.kind)) continue;
    const texts = Array.isArray(values[name]) ? (values[name] as string[]) : [values[name]];
    if (texts.some((t) => typeof t === "string" && MARKUP.test(t))) {
      problems.push({
        severity: "warning",
        ...locOf(name),
        field: `${raw.path}.${name}`,
        message: "contains markup; it is kept as text and shown as typed, never as HTML",
      });
    }
  }
  return { table: raw.table, values, loc: raw.loc, fieldLocs: raw.fieldLocs, columns: raw.columns, path: raw.path };
}

function fieldHint(key: string, entity: EntitySpec): string {
  const near = suggestion(key, new Set(Object.keys(entity.fields)));
  return near ? ` (did you mean "${near}"?)` : "";
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

/** Validates every record, then checks them against each other. */
export function validateRecords(raws: Iterable<RawRecord>, problems: Problem[] = []): Validation {
  const validator = new Validator(problems);
  for (const raw of raws) validator.add(raw);
  return validator.finish();
}

/**
 * Validation fed one record at a time, so a large folder can be read file by
 * file: only validated records are kept, never the raw ones.
 */
export class Validator {
  private readonly records = emptyTables<ValidRecord[]>(() => []);
  private readonly read = emptyTables(() => 0);
  // Ids of every record written, valid or not, so one bad record does not also
  // make every reference to it an error.
  private readonly known = emptyTables(() => new Set<string>());

  constructor(readonly problems: Problem[] = []) {}

  add(raw: RawRecord): void {
    this.read[raw.table]++;
    const id = raw.values.id;
    if (typeof id === "string") this.known[raw.table].add(id.trim());
    const valid = validateRecord(raw, this.problems);
    if (valid) this.records[raw.table].push(valid);
  }

  /** Records read so far. */
  count(): number {
    let n = 0;
    for (const table of TABLE_NAMES) n += this.read[table];
    return n;
  }

  /** Checks the records against each other. */
  finish(): Validation {
    const { records, known, read, problems } = this;
    checkDuplicates(records, problems);
    checkReferences(records, known, problems);
    checkDates(records, problems);
    checkParties(records, problems);
    return { records, read, problems };
  }
}

function keyOf(entity: EntitySpec, record: ValidRecord): string {
  return entity.key.map((k) => String(record.values[k])).join(" / ");
}

function checkDuplicates(records: Tables<ValidRecord[]>, problems: Problem[]): void {
  for (const entity of ENTITIES) {
    const first = new Map<string, ValidRecord>();
    for (const record of records[entity.table]) {
      const key = keyOf(entity, record);
      const earlier = first.get(key);
      if (earlier) {
        const field = entity.key[entity.key.length - 1];
        problems.push({
          severity: "error",
          ...fieldLoc(record, field),
          field: `${record.path}.${entity.key.join("+")}`,
          value: showValue(key),
          message: `is a duplicate: already used at ${where(fieldLoc(earlier, field))}`,
          expected: `a unique ${entity.key.join(" + ")} in ${entity.table}`,
        });
      } else first.set(key, record);
    }
  }
}

function checkReferences(records: Tables<ValidRecord[]>, known: Tables<Set<string>>, problems: Problem[]): void {
  for (const entity of ENTITIES) {
    const refs = Object.entries(entity.fields).filter(([, f]) => f.ref);
    for (const record of records[entity.table]) {
      for (const [name, field] of refs) {
        const target = field.ref as TableName;
        const value = record.values[name];
        const ids = Array.isArray(value) ? (value as string[]) : value === undefined ? [] : [value as string];
        ids.forEach((id, i) => {
          if (known[target].has(id)) return;
          const hint = suggestion(id, known[target]);
          problems.push({
            severity: "error",
            ...fieldLoc(record, name),
            field: `${record.path}.${name}${Array.isArray(value) ? `[${i}]` : ""}`,
            value: showValue(id),
            message: `is not a known ${singular(target)}${hint ? ` (did you mean "${hint}"?)` : ""}`,
            expected: `the id of a record in ${target}`,
          });
        });
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

/** The closest known id, when it is close enough to be a likely typo. */
function suggestion(id: string, known: Set<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 4)) + 1;
  if (known.size > 5000) return undefined;
  for (const candidate of known) {
    const d = distance(id, candidate, bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let min = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      min = Math.min(min, row[j]);
    }
    if (min >= limit) return limit;
    prev = row;
  }
  return prev[b.length];
}

function checkDates(records: Tables<ValidRecord[]>, problems: Problem[]): void {
  const events = new Map(records.events.map((e) => [e.values.id as string, e]));
  for (const event of records.events) {
    const start = parsePartialDate(event.values.start_date as string);
    const end = event.values.end_date ? parsePartialDate(event.values.end_date as string) : undefined;
    if (start && end && end.to < start.from) {
      problems.push({
        severity: "error",
        ...fieldLoc(event, "end_date"),
        field: `${event.path}.end_date`,
        value: showValue(event.values.end_date),
        message: `is before the start date (${event.values.start_date})`,
        expected: "an end date on or after the start date",
      });
    }
  }
  for (const update of records.status_updates) {
    if (update.values.date === undefined && update.values.event_id === undefined) {
      problems.push({
        severity: "error",
        ...update.loc,
        field: `${update.path}.date`,
        message: "is missing, and there is no event to take it from",
        expected: "a date, or an event_id (or the update written in an event file)",
      });
    }
  }
  const commitments = new Map(records.commitments.map((c) => [c.values.id as string, c]));
  for (const update of records.status_updates) {
    const commitment = commitments.get(update.values.commitment_id as string);
    if (!commitment) continue;
    const updateDate = effectiveDate(update, events);
    const commitmentDate = effectiveDate(commitment, events);
    if (updateDate && commitmentDate && updateDate.to < commitmentDate.from) {
      problems.push({
        severity: "error",
        ...(update.values.date !== undefined ? fieldLoc(update, "date") : fieldLoc(update, "event_id")),
        field: `${update.path}.date`,
        value: showValue(updateDate.text),
        message: `is before the commitment it updates was made (${commitmentDate.text})`,
        expected: "evidence dated on or after the commitment",
      });
    }
  }
}

/** A record's own date, or its event's start date. */
export function effectiveDate(record: ValidRecord, events: Map<string, ValidRecord>) {
  const own = record.values.date as string | undefined;
  if (own) return parsePartialDate(own);
  const event = events.get(record.values.event_id as string);
  return event ? parsePartialDate(event.values.start_date as string) : undefined;
}

function checkParties(records: Tables<ValidRecord[]>, problems: Problem[]): void {
  const bound = new Set(records.commitment_parties.map((p) => p.values.commitment_id as string));
  for (const commitment of records.commitments) {
    if (!bound.has(commitment.values.id as string)) {
      problems.push({
        severity: "warning",
        ...commitment.loc,
        field: `${commitment.path}.parties`,
        value: showValue(commitment.values.id),
        message: "binds no institution or government; it will not appear in the network",
        expected: "parties (the two governments, when no institution is named)",
      });
    }
  }
}
