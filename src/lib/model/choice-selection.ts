/**
 * A list's selection kept as state rather than read back from its check
 * boxes: one choice ticked or unticked at a time, and which choices a new
 * selection changes (so only their boxes are touched).
 */

/** `ids` (sorted, no repeats) with `id` ticked (`on`) or unticked: a new sorted array. */
export function withChoice(ids: readonly string[], id: string, on: boolean): string[] {
  const rest = ids.filter((x) => x !== id);
  if (on) rest.push(id);
  return rest.sort();
}

/** The ids in one of `before` and `after` but not the other. */
export function changedChoices(before: ReadonlySet<string>, after: ReadonlySet<string>): string[] {
  const changed: string[] = [];
  for (const id of before) if (!after.has(id)) changed.push(id);
  for (const id of after) if (!before.has(id)) changed.push(id);
  return changed;
}
