/**
 * What a filter bar list (filter-group.ts) holds in its panel: every row at
 * once for a short list (filter-short-list.ts), rows made on demand for a
 * long one (filter-long-list.ts).
 */

export interface ChoiceRows {
  /** The panel's content. */
  nodes: Node[];
  /** The check box of the choice at `index`, if its row has been made. */
  box(index: number): HTMLInputElement | undefined;
  /** Called when the list's menu opens. */
  opened(): void;
}
