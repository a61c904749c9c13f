/**
 * SQL fragments with bound parameters. Pure: no DOM, no DuckDB; the browser
 * side (src/components/db.ts) sends `text` to `conn.prepare` and `params` to
 * `statement.query(...params)`.
 *
 * Every interpolated value becomes a `?` placeholder, so values typed by users
 * (inputs, URL parameters) never become SQL text. Only fragments built by this
 * module (with `sql`, `raw`, `identifier`, `join`, `and`, `or`) are inlined.
 *
 * @example
 * const sector = "energy";
 * const q = sql`SELECT * FROM commitments WHERE sector = ${sector}`;
 * // q.text   === "SELECT * FROM commitments WHERE sector = ?"
 * // q.params === ["energy"]
 */

/** A value bound to a `?` placeholder. */
export type SqlParam = string | number | boolean | null | bigint;

/** SQL text with `?` placeholders and the values bound to them, in order. */
export interface SqlFragment {
  readonly text: string;
  readonly params: readonly SqlParam[];
}

/** What may be interpolated into `sql`: a parameter, a fragment, or an array of either. */
export type SqlValue = SqlParam | SqlFragment | readonly (SqlParam | SqlFragment)[];

const BRAND: unique symbol = Symbol("accord-atlas.sql-fragment");

function fragment(text: string, params: readonly SqlParam[]): SqlFragment {
  const result = { text, params: Object.freeze(params.slice()) };
  Object.defineProperty(result, BRAND, { value: true });
  return Object.freeze(result);
}

/**
 * True for fragments made by this module. Lookalike objects such as
 * `{text: "DROP TABLE x", params: []}` parsed from user input are not
 * fragments, and `sql` refuses them.
 */
export function isSqlFragment(value: unknown): value is SqlFragment {
  return typeof value === "object" && value !== null && (value as { [BRAND]?: boolean })[BRAND] === true;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  const name = (value as object).constructor?.name;
  return name ? `object (${name})` : "object";
}

function checkParam(value: unknown, where: string): SqlParam {
  switch (typeof value) {
    case "string":
    case "boolean":
    case "bigint":
      return value;
    case "number":
      if (!Number.isFinite(value)) {
        throw new TypeError(
          `sql: ${where} is ${value}; only finite numbers can be bound (it would reach DuckDB as NULL).`,
        );
      }
      return value;
    case "undefined":
      throw new TypeError(
        `sql: ${where} is undefined. This is a programming error: pass null for SQL NULL, or leave the condition out (see and()).`,
      );
    default:
      if (value === null) return null;
      throw new TypeError(
        `sql: ${where} is ${describe(value)}; expected a string, number, boolean, bigint, null, a fragment made with sql\`…\`, or an array of these. Convert dates to ISO strings.`,
      );
  }
}

class Builder {
  text = "";
  readonly params: SqlParam[] = [];

  append(value: unknown, where: string, inArray = false): void {
    if (isSqlFragment(value)) {
      this.text += value.text;
      this.params.push(...value.params);
    } else if (Array.isArray(value)) {
      if (inArray) throw new TypeError(`sql: ${where} is a nested array; arrays expand to a flat list "?, ?, ?".`);
      if (value.length === 0) {
        this.text += "NULL";
        return;
      }
      value.forEach((item, i) => {
        if (i > 0) this.text += ", ";
        this.append(item, `${where}[${i}]`, true);
      });
    } else {
      this.text += "?";
      this.params.push(checkParam(value, where));
    }
  }
}

/**
 * Tagged template building a {@link SqlFragment}.
 *
 * - A string, number, boolean, bigint or null becomes a `?` placeholder.
 * - A fragment is inlined: its text in place, its params in order.
 * - An array expands to `?, ?, ?` for `IN (${list})`. An empty array becomes
 *   `NULL`, so `x IN (${[]})` reads `x IN (NULL)`, which matches no row (and
 *   `x NOT IN (NULL)` matches none either: test for emptiness in code when
 *   "no filter" is meant).
 * - `undefined`, NaN, ±Infinity, objects (including Dates) throw a TypeError:
 *   those are programming errors, not values.
 *
 * The template's text is taken raw (as `String.raw` would), because SQL has no
 * backslash escapes: `sql\`SELECT regexp_matches(s, '\d+')\`` reaches DuckDB
 * with the backslash as written.
 *
 * @example
 * sql`SELECT * FROM commitments WHERE sector IN (${["energy", "health"]}) AND ${and(cond)}`
 * // text: "SELECT * FROM commitments WHERE sector IN (?, ?) AND (…)"
 *
 * @example
 * const where = sql`WHERE status = ${"open"}`;
 * sql`SELECT count(*) FROM commitments ${where} AND date >= ${"2025-01-01"}`
 * // params: ["open", "2025-01-01"]
 */
export function sql(strings: TemplateStringsArray | readonly string[], ...values: readonly SqlValue[]): SqlFragment {
  const texts = (strings as TemplateStringsArray).raw ?? strings;
  if (texts.length !== values.length + 1) {
    throw new TypeError("sql: call it as a tagged template, sql`…`.");
  }
  const builder = new Builder();
  builder.text = texts[0];
  values.forEach((value, i) => {
    builder.append(value, `value #${i + 1}`);
    builder.text += texts[i + 1];
  });
  return fragment(builder.text, builder.params);
}

/**
 * Trusted SQL text, inlined as is. For code-chosen keywords and identifiers
 * (`raw("DESC")`, `raw("commitments")`); never pass anything a user typed.
 * For a user-chosen column, use {@link identifier}.
 *
 * @example
 * sql`SELECT * FROM commitments ORDER BY date ${raw(descending ? "DESC" : "ASC")}`
 */
export function raw(text: string): SqlFragment {
  if (typeof text !== "string") throw new TypeError(`sql: raw() takes a string, not ${describe(text)}.`);
  return fragment(text, []);
}

/**
 * A quoted identifier (`"name"`, inner quotes doubled), safe for any string,
 * e.g. a column picked in a menu.
 *
 * @example
 * sql`SELECT ${identifier(column)}, count(*) FROM commitments GROUP BY 1`
 */
export function identifier(name: string): SqlFragment {
  if (typeof name !== "string" || name === "") throw new TypeError("sql: identifier() takes a non-empty string.");
  return fragment(`"${name.replaceAll('"', '""')}"`, []);
}

/** The fragment with no text and no params. `and()` and `or()` skip it. */
export const empty: SqlFragment = fragment("", []);

/**
 * Joins fragments (and values, which become `?`) with a separator of trusted
 * SQL text, `", "` by default.
 *
 * @example
 * join([sql`a = ${1}`, sql`b = ${2}`], " OR ") // text "a = ? OR b = ?", params [1, 2]
 */
export function join(items: readonly (SqlFragment | SqlParam)[], separator: string | SqlFragment = ", "): SqlFragment {
  const sep = typeof separator === "string" ? raw(separator) : separator;
  if (!isSqlFragment(sep)) throw new TypeError("sql: join() separator must be a string or a fragment.");
  const builder = new Builder();
  items.forEach((item, i) => {
    if (i > 0) builder.append(sep, "separator");
    builder.append(item, `item #${i + 1}`, true);
  });
  return fragment(builder.text, builder.params);
}

function combine(conditions: readonly (SqlFragment | false | null)[], operator: string, none: string): SqlFragment {
  const kept: SqlFragment[] = [];
  conditions.forEach((condition, i) => {
    if (condition === false || condition === null) return;
    if (!isSqlFragment(condition)) {
      throw new TypeError(
        `sql: ${operator.toLowerCase()}() condition #${i + 1} is ${describe(condition)}; pass fragments made with sql\`…\`, or false/null/empty to skip one.`,
      );
    }
    if (condition.text.trim() !== "") kept.push(condition);
  });
  if (kept.length === 0) return raw(none);
  return join(
    kept.map((condition) => sql`(${condition})`),
    ` ${operator} `,
  );
}

/**
 * Conjunction of conditions, each wrapped in parentheses. Skips `empty`,
 * blank fragments, `false` and `null` (so `flag && sql\`…\`` reads well);
 * yields `TRUE` when nothing is left. `undefined` throws.
 *
 * @example
 * and(sector ? sql`sector = ${sector}` : empty, sql`date >= ${from}`)
 * // text "(sector = ?) AND (date >= ?)" — or "(date >= ?)" without a sector
 * sql`SELECT * FROM commitments WHERE ${and()}` // "… WHERE TRUE"
 */
export function and(...conditions: readonly (SqlFragment | false | null)[]): SqlFragment {
  return combine(conditions, "AND", "TRUE");
}

/** Disjunction, like {@link and}; yields `FALSE` when nothing is left. */
export function or(...conditions: readonly (SqlFragment | false | null)[]): SqlFragment {
  return combine(conditions, "OR", "FALSE");
}
