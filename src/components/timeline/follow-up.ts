/**
 * Session-to-session follow-up: the commitments of two sessions of a series
 * side by side, as matched by src/lib/model/follow-up.ts: recurring pairs on one
 * row, then those followed up, those that disappeared, and the new ones.
 * Every commitment opens its panel, where its partner is one click away.
 */
import {
  FOLLOW_UP_LABELS,
  type FollowUpRow,
  followUpCounts,
  type SessionCommitment,
} from "../../lib/model/follow-up.js";
import type { Status } from "../../lib/model/schema.js";
import { STATUS_META } from "../../lib/model/value-labels.js";
import { dataTable } from "../data-table.js";
import { el, emptyState } from "../dom.js";

export type FollowUpCommitment = SessionCommitment & { sector_label: string; sector_color: string; status: string };

export function followUp(
  rows: FollowUpRow<FollowUpCommitment>[],
  { before, after, onSelect }: { before: string; after: string; onSelect?: (id: string, trigger: Element) => void },
): HTMLElement {
  if (rows.length === 0)
    return emptyState("No commitment matches these filters", "Neither session has a commitment in these filters.");
  const counts = followUpCounts(rows);
  const cell = (c: FollowUpCommitment | undefined) => {
    if (!c) return el("span", { class: "meta" }, "—");
    const b = el("button", { type: "button", class: "aa-linklike", "data-open": c.id, id: `fu-${c.id}` }, c.summary);
    b.addEventListener("click", () => onSelect?.(c.id, b));
    return el(
      "span",
      {},
      b,
      el(
        "span",
        { class: "meta aa-status-text", style: `--status:${STATUS_META[c.status as Status]?.color ?? "currentColor"}` },
        ` · ${STATUS_META[c.status as Status]?.label ?? c.status}`,
      ),
    );
  };
  const table = dataTable(
    rows,
    [
      {
        label: "Follow-up",
        value: (r) =>
          el(
            "span",
            { class: `aa-fu aa-fu-${r.kind}`, title: r.shared ? `Shared words: ${r.shared.join(", ")}` : "" },
            FOLLOW_UP_LABELS[r.kind],
          ),
      },
      {
        label: "Sector",
        value: (r) => {
          const c = r.before ?? r.after;
          return c
            ? el(
                "span",
                {},
                el("span", { class: "aa-swatch-inline", style: `background:${c.sector_color}` }),
                c.sector_label,
              )
            : "";
        },
      },
      { label: `At the ${before}`, value: (r) => cell(r.before) },
      { label: `At the ${after}`, value: (r) => cell(r.after) },
    ],
    {
      caption: `${before} → ${after}: ${counts.recurs} recur, ${counts.followed_up} followed up, ${counts.disappeared} disappeared, ${counts.new} new`,
      testid: "follow-up",
      rowAttrs: (r) => ({ "data-kind": r.kind, "data-before": r.before?.id ?? "", "data-after": r.after?.id ?? "" }),
    },
  );
  return el("div", { class: "aa-table-wrap" }, table);
}
