/**
 * Rows grouped by the value of a column, without an object per row: the first
 * row of each value, and for every row the next row with the same value. The
 * cross-record checks and normalisation share these instead of each building
 * its own index of a million ids.
 */
export interface Groups {
  /** Value → first row with it. */
  first: Map<string, number>;
  /** Row → next row with the same value, or -1. */
  next: Int32Array;
}

export function groupBy(column: readonly unknown[], length: number): Groups {
  const first = new Map<string, number>();
  const next = new Int32Array(length).fill(-1);
  const last = new Int32Array(length); // for each first row, the last row of its group so far
  for (let i = 0; i < length; i++) {
    const key = String(column[i]);
    const head = first.get(key);
    if (head === undefined) {
      first.set(key, i);
      last[i] = i;
    } else {
      next[last[head]] = i;
      last[head] = i;
    }
  }
  return { first, next };
}

/** How many rows have `value`. */
export function groupSize(groups: Groups, value: string): number {
  let n = 0;
  for (let i = groups.first.get(value) ?? -1; i >= 0; i = groups.next[i]) n++;
  return n;
}
