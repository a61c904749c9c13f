/**
 * The ids of every record of a table, valid or not (so one bad record does
 * not also make every reference to it an error), in the order they were read.
 * Nothing is built per record while reading: valid records' ids are the
 * store's grouping by id, and the few invalid records' ids are kept aside
 * with their place among the valid ones.
 *
 * `likelyMeant` answers "did you mean" for an id that is not known: a typo a
 * letter or two away, a word or prefix of an id (`transport` →
 * `transport_logistics`), or a record's name, acronym or alias written
 * instead of its id (`NAVTTC` → `pk-navttc`), for any table.
 */
import { suggestion } from "../model/text-checks.js";

export interface InvalidId {
  id: string;
  /** Valid records read before it. */
  before: number;
}

export class KnownIds implements Iterable<string> {
  private readonly invalidIds: Set<string>;
  private count?: number;
  private names?: ReadonlyMap<string, string>;

  constructor(
    private readonly first: ReadonlyMap<string, number>,
    private readonly validIds: readonly unknown[],
    private readonly invalid: readonly InvalidId[],
    /** Lower-cased names, acronyms and aliases of records (and their ids) → id: made on the first "did you mean". */
    private readonly namesOf: () => ReadonlyMap<string, string> = () => new Map(),
  ) {
    this.invalidIds = new Set(invalid.map((x) => x.id));
  }

  has(id: string): boolean {
    return this.first.has(id) || this.invalidIds.has(id);
  }

  /** Distinct ids. */
  get size(): number {
    if (this.count === undefined) {
      let n = this.first.size;
      for (const id of this.invalidIds) if (!this.first.has(id)) n++;
      this.count = n;
    }
    return this.count;
  }

  /** Distinct ids in the order they were first read (as a Set filled while reading would give them). */
  *[Symbol.iterator](): Iterator<string> {
    const seen = new Set<string>();
    let k = 0;
    for (let i = 0; i <= this.validIds.length; i++) {
      for (; k < this.invalid.length && this.invalid[k].before === i; k++) {
        const id = this.invalid[k].id;
        if (!seen.has(id)) {
          seen.add(id);
          yield id;
        }
      }
      if (i === this.validIds.length) break;
      const id = String(this.validIds[i]);
      if (!seen.has(id)) {
        seen.add(id);
        yield id;
      }
    }
  }

  /** The ids most likely meant by `value` (at most `limit`), best first; none when nothing is close. */
  likelyMeant(value: string, limit = 3): string[] {
    const key = value.trim().toLowerCase();
    this.names ??= this.namesOf();
    const named = this.names.get(key);
    if (named !== undefined && named !== value) return [named];
    const near = suggestion(value, this);
    if (near !== undefined) return [near];
    if (key.length < 3 || this.size > 5000) return [];
    const found: string[] = [];
    for (const id of this) {
      const lower = id.toLowerCase();
      if (lower.startsWith(key) || lower.split(/[-_.:/]/).includes(key)) found.push(id);
      if (found.length > limit) break;
    }
    return found.length > limit ? [] : found;
  }
}

/** `(did you mean "a"?)`, `(did you mean "a" or "b"?)`, or nothing. */
export function didYouMean(ids: readonly string[]): string {
  if (ids.length === 0) return "";
  const quoted = ids.map((id) => `"${id}"`);
  const last = quoted.pop();
  return ` (did you mean ${quoted.length ? `${quoted.join(", ")} or ` : ""}${last}?)`;
}

/** Lower-cased text values of the given columns (names, acronyms, aliases) and ids → id, ambiguous ones left out. */
export function namesOf(
  ids: readonly unknown[],
  columns: readonly (readonly unknown[])[],
  length: number,
): Map<string, string> {
  const names = new Map<string, string>();
  const ambiguous = new Set<string>();
  const add = (text: unknown, id: string) => {
    if (typeof text !== "string" || text === "") return;
    const key = text.trim().toLowerCase();
    const earlier = names.get(key);
    if (earlier === undefined) names.set(key, id);
    else if (earlier !== id) ambiguous.add(key);
  };
  for (let i = 0; i < length; i++) {
    const id = String(ids[i]);
    add(id, id);
    for (const column of columns) {
      const value = column[i];
      if (Array.isArray(value)) for (const item of value) add(item, id);
      else add(value, id);
    }
  }
  for (const key of ambiguous) names.delete(key);
  return names;
}
