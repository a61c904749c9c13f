/**
 * Field kinds: each kind knows how to validate an input value (with zod), how
 * to read it from a CSV cell, which table columns it becomes and how to fill
 * them. The entity schemas in schema.ts are built from these, so validation,
 * TypeScript types, table columns and documentation come from one definition.
 */
import { z } from "zod";
import { isCountryCode } from "./countries.js";
import {
  DATE_SPAN_EXPECTED,
  dateOrSpanProblem,
  epochDay,
  PARTIAL_DATE_EXPECTED,
  PARTIAL_DATE_PATTERN,
  parseDateOrSpan,
} from "./dates.js";

import type { TableName } from "./tables.js";

export type ColumnType = "utf8" | "int32" | "date" | "list_utf8";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  nullable: boolean;
  description: string;
}

export interface FieldSpec<T = unknown> {
  kind: string;
  zod: z.ZodType<T>;
  required: boolean;
  description: string;
  /** What a valid value looks like, in words, for error reports and docs. */
  expected: string;
  /** The table whose ids this field refers to. */
  ref?: TableName;
  /** Allowed values, for enum fields. */
  values?: readonly string[];
  columns(name: string): ColumnSpec[];
  /** Table cells for a value that already passed `zod`. */
  cells(name: string, value: unknown): Record<string, unknown>;
  /**
   * For fields that make one column (all but dates): that column's cell,
   * without building an object (the loaders call this millions of times).
   */
  cell?: (value: unknown) => unknown;
  /**
   * For fields that make several columns (dates): their cells in column
   * order, the same as `cells` gives, from an array shared by every value
   * alike (no object per record).
   */
  parts?: (value: unknown) => readonly unknown[];
  /** Reads a CSV cell (already trimmed); undefined when empty. */
  fromCsv(cell: string): unknown;
  /**
   * The fast twin of `zod`, for the loaders' hot path: for a value `zod`
   * accepts, the same parsed value, without a result object; `REJECT` for
   * every value `zod` refuses. It may also reject a value `zod` would accept:
   * validation then asks `zod`, which has the last word and words every
   * problem (test/cross/check.test.ts holds the two to the same answers).
   */
  accept(value: unknown): unknown;
}

/** What `accept` returns for a value that is not plainly valid. */
export const REJECT: unique symbol = Symbol("reject");

export const LIMITS = { id: 80, short: 300, long: 4000, url: 2000, list: 100 } as const;

export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
// C0 controls except tab and line feed, DEL, C1 controls, and bidirectional overrides.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** YAML writes `~` or nothing for absent values; treat null like a missing field. */
const absent = (v: unknown) => (v === null ? undefined : v);

function describeControl(s: string): string {
  const m = CONTROL_SINGLE_LINE.exec(s);
  if (!m) return "";
  const code = m[0].codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")} at character ${m.index + 1}`;
}

/** `textSchema`'s check without zod: the trimmed text, or REJECT. */
function acceptText(max: number, multiline: boolean) {
  const control = multiline ? CONTROL : CONTROL_SINGLE_LINE;
  return (value: unknown): unknown => {
    if (typeof value !== "string") return REJECT;
    const s = value.trim();
    return s.length >= 1 && s.length <= max && !control.test(s) ? s : REJECT;
  };
}

/** An id or a reference, without zod: the trimmed id, or REJECT. */
function acceptId(value: unknown): unknown {
  if (typeof value !== "string") return REJECT;
  const s = value.trim();
  return s.length <= LIMITS.id && ID_PATTERN.test(s) ? s : REJECT;
}

/** A list whose every item passes `item`, with at least `min` and at most LIMITS.list items. */
function acceptList(item: (value: unknown) => unknown, min: number) {
  return (value: unknown): unknown => {
    if (!Array.isArray(value) || value.length < min || value.length > LIMITS.list) return REJECT;
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const parsed = item(value[i]);
      if (parsed === REJECT) return REJECT;
      out[i] = parsed;
    }
    return out;
  };
}

function textSchema(max: number, multiline: boolean) {
  const control = multiline ? CONTROL : CONTROL_SINGLE_LINE;
  return z
    .string()
    .trim()
    .min(1, "is empty")
    .max(max, `is too long (at most ${max} characters)`)
    .superRefine((s, ctx) => {
      if (control.test(s)) {
        ctx.addIssue({ code: "custom", message: `contains a control character (${describeControl(s)})` });
      }
    });
}

interface Options<R extends boolean = true> {
  required?: R;
}

/** The value type of a field: optional fields may be undefined. */
type Value<T, R extends boolean> = R extends false ? T | undefined : T;

const stringColumn =
  (description: string, nullable: boolean) =>
  (name: string): ColumnSpec[] => [{ name, type: "utf8", nullable, description }];
const sameValue = (value: unknown) => value ?? null;
const sameCell = (name: string, value: unknown) => ({ [name]: value ?? null });
const listValue = (value: unknown) => (value as string[] | undefined) ?? [];
const csvString = (cell: string) => (cell === "" ? undefined : cell);

function make<T, R extends boolean>(spec: Omit<FieldSpec<T>, "required">, options: Options<R>): FieldSpec<Value<T, R>> {
  const required = options.required !== false;
  const zod = required ? z.preprocess(absent, spec.zod) : z.preprocess(absent, spec.zod.optional());
  const present = spec.accept;
  // Like `absent` above: null is a missing field, refused when required.
  const accept = (value: unknown) =>
    value === null || value === undefined ? (required ? REJECT : undefined) : present(value);
  return { ...spec, required, zod, accept } as FieldSpec<Value<T, R>>;
}

/** A record's own identifier: lower-case letters, digits, dot, dash, underscore. */
export function id<R extends boolean = true>(
  description: string,
  options: Options<R> = {},
): FieldSpec<Value<string, R>> {
  const expected = `an identifier of lower-case letters, digits, '.', '-' or '_' (at most ${LIMITS.id} characters), for example jmc-8-labour-talks`;
  return make(
    {
      kind: "id",
      description,
      expected,
      zod: z
        .string()
        .trim()
        .max(LIMITS.id, `is too long (at most ${LIMITS.id} characters)`)
        .regex(ID_PATTERN, "is not a valid identifier"),
      accept: acceptId,
      columns: stringColumn(description, options.required === false),
      cells: sameCell,
      cell: sameValue,
      fromCsv: csvString,
    },
    options,
  );
}

/** A reference to the id of a record in another table. */
export function ref<R extends boolean = true>(
  table: TableName,
  description: string,
  options: Options<R> = {},
): FieldSpec<Value<string, R>> {
  return { ...id(description, options), kind: "ref", ref: table, expected: `the id of a record in ${table}` };
}

/** A list of references, written as a YAML/JSON list or, in CSV, separated by ';'. */
export function refList<R extends boolean = true>(
  table: TableName,
  description: string,
  options: Options<R> & { min?: number } = {},
): FieldSpec<Value<string[], R>> {
  const min = options.min ?? 0;
  const item = z.string().trim().max(LIMITS.id).regex(ID_PATTERN, "is not a valid identifier");
  return make(
    {
      kind: "refList",
      ref: table,
      description,
      expected: `a list of ids of records in ${table}${min ? ` (at least ${min})` : ""}`,
      zod: z
        .array(item)
        .min(min, `needs at least ${min} item${min === 1 ? "" : "s"}`)
        .max(LIMITS.list, `has too many items (at most ${LIMITS.list})`),
      accept: acceptList(acceptId, min),
      columns: (name) => [{ name, type: "list_utf8", nullable: false, description }],
      cells: (name, value) => ({ [name]: listValue(value) }),
      cell: listValue,
      fromCsv: csvList,
    },
    options,
  );
}

function csvList(cell: string): unknown {
  if (cell === "") return undefined;
  return cell.split(";").map((s) => s.trim());
}

/** Short single-line text: names, titles, labels. */
export function text<R extends boolean = true>(
  description: string,
  options: Options<R> = {},
): FieldSpec<Value<string, R>> {
  return make(
    {
      kind: "text",
      description,
      expected: `text on one line, at most ${LIMITS.short} characters`,
      zod: textSchema(LIMITS.short, false),
      accept: acceptText(LIMITS.short, false),
      columns: stringColumn(description, options.required === false),
      cells: sameCell,
      cell: sameValue,
      fromCsv: csvString,
    },
    options,
  );
}

/** Longer text that may span lines: summaries and notes. */
export function longText<R extends boolean = true>(
  description: string,
  options: Options<R> = {},
): FieldSpec<Value<string, R>> {
  return make(
    {
      kind: "longText",
      description,
      expected: `text, at most ${LIMITS.long} characters`,
      zod: textSchema(LIMITS.long, true),
      accept: acceptText(LIMITS.long, true),
      columns: stringColumn(description, options.required === false),
      cells: sameCell,
      cell: sameValue,
      fromCsv: csvString,
    },
    options,
  );
}

/** A list of short texts (aliases, co-chairs). */
export function textList<R extends boolean = true>(
  description: string,
  options: Options<R> = {},
): FieldSpec<Value<string[], R>> {
  return make(
    {
      kind: "textList",
      description,
      expected: `a list of short texts (in CSV separated by ';'), at most ${LIMITS.list} items`,
      zod: z.array(textSchema(LIMITS.short, false)).max(LIMITS.list, `has too many items (at most ${LIMITS.list})`),
      accept: acceptList(acceptText(LIMITS.short, false), 0),
      columns: (name) => [{ name, type: "list_utf8", nullable: false, description }],
      cells: (name, value) => ({ [name]: listValue(value) }),
      cell: listValue,
      fromCsv: csvList,
    },
    options,
  );
}

/** One of a fixed set of values. */
export function oneOf<const T extends readonly [string, ...string[]], R extends boolean = true>(
  values: T,
  description: string,
  options: Options<R> & { defaultValue?: T[number] } = {},
): FieldSpec<Value<T[number], R>> {
  const expected = `one of: ${values.join(", ")}`;
  // The allowed values themselves: every valid cell becomes one shared string.
  const allowed = new Map<string, string>(values.map((v) => [v, v]));
  const base = make(
    {
      kind: "enum",
      values,
      description: options.defaultValue ? `${description} Defaults to \`${options.defaultValue}\`.` : description,
      expected,
      zod: z
        .string()
        .trim()
        .pipe(z.enum(values, { error: "is not an allowed value" })),
      accept: (value) => (typeof value === "string" ? (allowed.get(value.trim()) ?? REJECT) : REJECT),
      columns: (name) => [
        { name, type: "utf8", nullable: options.required === false && !options.defaultValue, description },
      ],
      cells: (name, value) => ({ [name]: value ?? options.defaultValue ?? null }),
      cell: (value) => value ?? options.defaultValue ?? null,
      fromCsv: csvString,
    },
    options,
  );
  return base;
}

// Dates repeat across many records (a session's commitments share its date):
// parse each distinct text once. The calendar bounds the number of entries.
interface DateEntry {
  text: string;
  precision: string;
  from: number;
  to: number;
  /** The four cells, in column order. */
  parts: readonly unknown[];
}
const partialDateCache = new Map<string, DateEntry | undefined>();
const NO_DATE_PARTS: readonly unknown[] = Object.freeze([null, null, null, null]);
function cachedPartialDate(text: string): DateEntry | undefined {
  let entry = partialDateCache.get(text);
  if (entry === undefined && !partialDateCache.has(text)) {
    // Spans parse here too; a field that takes no span refuses a '/' before it asks.
    const parsed = parseDateOrSpan(text);
    if (parsed) {
      const from = epochDay(parsed.from);
      const to = epochDay(parsed.to);
      const parts = Object.freeze([parsed.text, parsed.precision, from, to]);
      entry = { text: parsed.text, precision: parsed.precision, from, to, parts };
    }
    partialDateCache.set(text, entry);
  }
  return entry;
}

/** YAML reads an unquoted 2026 as a number; a date field takes it as the year it is. */
const yearAsText = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? String(v) : v);

/**
 * A partial date (YYYY, YYYY-MM, YYYY-MM-DD), kept with its precision and the
 * span of days it covers. With `span`, also two such dates written START/END
 * ("2027/2028"), of precision `span`.
 */
export function partialDate<R extends boolean = true>(
  description: string,
  options: Options<R> & { span?: boolean } = {},
): FieldSpec<Value<string, R>> {
  const nullable = options.required === false;
  const span = options.span === true;
  const valid = (text: string) => (span || !text.includes("/")) && cachedPartialDate(text) !== undefined;
  return make(
    {
      kind: span ? "dateOrSpan" : "partialDate",
      description,
      expected: span ? DATE_SPAN_EXPECTED : PARTIAL_DATE_EXPECTED,
      zod: z.preprocess(
        yearAsText,
        z
          .string()
          .trim()
          .superRefine((s, ctx) => {
            if (valid(s)) return;
            ctx.addIssue({ code: "custom", message: dateOrSpanProblem(s, span) });
          }),
      ),
      accept: (value) => {
        const s = yearAsText(value);
        if (typeof s !== "string") return REJECT;
        const text = s.trim();
        return (span || PARTIAL_DATE_PATTERN.test(text)) && valid(text) ? text : REJECT;
      },
      columns: (name) => dateColumns(name, description, nullable, span),
      cells: (name, value) => {
        const parsed = typeof value === "string" ? cachedPartialDate(value) : undefined;
        return {
          [name]: parsed?.text ?? null,
          [`${name}_precision`]: parsed?.precision ?? null,
          [`${name}_from`]: parsed ? parsed.from : null,
          [`${name}_to`]: parsed ? parsed.to : null,
        };
      },
      parts: (value) => (typeof value === "string" ? cachedPartialDate(value)?.parts : undefined) ?? NO_DATE_PARTS,
      fromCsv: csvString,
    },
    options,
  );
}

function dateColumns(name: string, description: string, nullable: boolean, span: boolean): ColumnSpec[] {
  return [
    {
      name,
      type: "utf8",
      nullable,
      description: `${description} As written (YYYY, YYYY-MM or YYYY-MM-DD${span ? ", or START/END for a span" : ""}).`,
    },
    {
      name: `${name}_precision`,
      type: "utf8",
      nullable,
      description: `Precision of ${name}: year, month or day${span ? ", or span" : ""}.`,
    },
    { name: `${name}_from`, type: "date", nullable, description: `First day covered by ${name}.` },
    { name: `${name}_to`, type: "date", nullable, description: `Last day covered by ${name}.` },
  ];
}

/** An http or https URL. Anything else (javascript:, data:, file:) is refused so it can never reach a page. */
export function url<R extends boolean = true>(
  description: string,
  options: Options<R> = {},
): FieldSpec<Value<string, R>> {
  return make(
    {
      kind: "url",
      description,
      expected: "an absolute http:// or https:// URL",
      zod: z
        .string()
        .trim()
        .max(LIMITS.url, `is too long (at most ${LIMITS.url} characters)`)
        .superRefine((s, ctx) => {
          let parsed: URL | undefined;
          try {
            parsed = new URL(s);
          } catch {
            ctx.addIssue({ code: "custom", message: "is not a URL" });
            return;
          }
          if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
            ctx.addIssue({
              code: "custom",
              message: `uses the ${parsed.protocol} scheme; only http and https are allowed`,
            });
          } else if (CONTROL_SINGLE_LINE.test(s) || /\s/.test(s)) {
            ctx.addIssue({ code: "custom", message: "contains spaces or control characters" });
          }
        }),
      accept: (value) => {
        if (typeof value !== "string") return REJECT;
        const s = value.trim();
        if (s.length > LIMITS.url || CONTROL_SINGLE_LINE.test(s) || /\s/.test(s)) return REJECT;
        let parsed: URL;
        try {
          parsed = new URL(s);
        } catch {
          return REJECT;
        }
        return parsed.protocol === "http:" || parsed.protocol === "https:" ? s : REJECT;
      },
      columns: stringColumn(description, options.required === false),
      cells: sameCell,
      cell: sameValue,
      fromCsv: csvString,
    },
    options,
  );
}

/** A positive whole number. */
export function positiveInt<R extends boolean = true>(
  description: string,
  options: Options<R> = {},
): FieldSpec<Value<number, R>> {
  return make(
    {
      kind: "int",
      description,
      expected: "a whole number of 1 or more",
      zod: z
        .number({ error: "is not a number" })
        .int("is not a whole number")
        .min(1, "is less than 1")
        .max(1_000_000, "is too large"),
      accept: (value) =>
        typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 1_000_000 ? value : REJECT,
      columns: (name) => [{ name, type: "int32", nullable: options.required === false, description }],
      cells: sameCell,
      cell: sameValue,
      fromCsv: (cell) => (cell === "" ? undefined : /^[+-]?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell),
    },
    options,
  );
}

/** A colour written #rrggbb. */
export function color<R extends boolean = true>(
  description: string,
  options: Options<R> = {},
): FieldSpec<Value<string, R>> {
  return make(
    {
      kind: "color",
      description,
      expected: "a colour written #rrggbb, for example #4e79a7",
      zod: z
        .string()
        .trim()
        .regex(/^#[0-9a-fA-F]{6}$/, "is not a colour written #rrggbb")
        .transform((s) => s.toLowerCase()),
      accept: (value) => {
        if (typeof value !== "string") return REJECT;
        const s = value.trim();
        return /^#[0-9a-fA-F]{6}$/.test(s) ? s.toLowerCase() : REJECT;
      },
      columns: stringColumn(description, options.required === false),
      cells: sameCell,
      cell: sameValue,
      fromCsv: csvString,
    },
    options,
  );
}

/** An ISO 3166-1 alpha-2 country code. */
export function country<R extends boolean = true>(
  description: string,
  options: Options<R> = {},
): FieldSpec<Value<string, R>> {
  return make(
    {
      kind: "country",
      description,
      expected: "an ISO 3166-1 alpha-2 country code in capitals, for example PK or BY",
      zod: z
        .string()
        .trim()
        .refine((s) => isCountryCode(s), "is not an ISO 3166-1 alpha-2 country code"),
      accept: (value) => (typeof value === "string" && isCountryCode(value.trim()) ? value.trim() : REJECT),
      columns: stringColumn(description, options.required === false),
      cells: sameCell,
      cell: sameValue,
      fromCsv: csvString,
    },
    options,
  );
}

/** A list of ISO 3166-1 alpha-2 country codes (a joint body's members). */
export function countryList<R extends boolean = true>(
  description: string,
  options: Options<R> & { min?: number } = {},
): FieldSpec<Value<string[], R>> {
  const min = options.min ?? 0;
  const code = z
    .string()
    .trim()
    .refine((s) => isCountryCode(s), "is not an ISO 3166-1 alpha-2 country code");
  const acceptCode = (value: unknown) =>
    typeof value === "string" && isCountryCode(value.trim()) ? value.trim() : REJECT;
  return make(
    {
      kind: "countryList",
      description,
      expected: `a list of ISO 3166-1 alpha-2 country codes in capitals (in CSV separated by ';'), at least ${min}, for example [PK, BY]`,
      zod: z
        .array(code)
        .min(min, `needs at least ${min} countr${min === 1 ? "y" : "ies"}`)
        .max(LIMITS.list, `has too many items (at most ${LIMITS.list})`),
      accept: acceptList(acceptCode, min),
      columns: (name) => [{ name, type: "list_utf8", nullable: false, description }],
      cells: (name, value) => ({ [name]: listValue(value) }),
      cell: listValue,
      fromCsv: csvList,
    },
    options,
  );
}
