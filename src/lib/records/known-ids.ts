/**
 * The ids of every record of a table, valid or not (so one bad record does
 * not also make every reference to it an error), in the order they were read.
 * Nothing is built per record while reading: valid records' ids are the
 * store's grouping by id, and the few invalid records' ids are kept aside
 * with their place among the valid ones.
 */
export interface InvalidId {
  id: string;
  /** Valid records read before it. */
  before: number;
}

export class KnownIds implements Iterable<string> {
  private readonly invalidIds: Set<string>;
  private count?: number;

  constructor(
    private readonly first: ReadonlyMap<string, number>,
    private readonly validIds: readonly unknown[],
    private readonly invalid: readonly InvalidId[],
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
}
