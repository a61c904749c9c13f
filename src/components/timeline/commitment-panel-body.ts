/**
 * The body of the commitment panel (commitment-panel.ts) for one loaded
 * commitment: its facts (status, sector, when and where it was agreed, its
 * wording, when it falls due, who it binds), the follow-up commitments to
 * jump to, its status updates as a track, and every source it cites.
 */
import { formatPartialDate } from "../../lib/model/dates.js";
import type { Status } from "../../lib/model/schema.js";
import { humanize, STATUS_META } from "../../lib/model/value-labels.js";
import {
  dueParts,
  type PanelDetail,
  type PanelSource,
  type PanelUpdate,
  panelSources,
  statusLabel,
} from "../../lib/timeline/commitment-panel-text.js";
import { el, link } from "../dom.js";

/** A follow-up commitment the panel offers to open. */
export interface RelatedLink {
  label: string;
  id: string;
}

const statusBadge = (status: string) =>
  el(
    "span",
    { class: "aa-badge aa-status-text", style: `--status:${STATUS_META[status as Status]?.color ?? "currentColor"}` },
    statusLabel(status),
  );

/** The commitment's facts, as a description list. */
function factList(d: PanelDetail): HTMLElement {
  const facts: [string, Node | string][] = [
    [
      "Status",
      el(
        "span",
        {},
        statusBadge(d.status),
        d.status_date ? ` since ${formatPartialDate(d.status_date)}` : " (no later evidence)",
      ),
    ],
    [
      "Sector",
      el("span", {}, el("span", { class: "aa-swatch-inline", style: `background:${d.sector_color}` }), d.sector_label),
    ],
    ["Agreed", `${formatPartialDate(d.date)} · ${d.event}${d.event_place ? ` (${d.event_place})` : ""}`],
    ["Wording", `${humanize(d.action)} · ${humanize(d.strength)}`],
  ];
  const due = dueParts(d);
  if (due.length) {
    facts.push([
      "Due",
      el(
        "span",
        {},
        due.join(" · "),
        d.deadline ? ` — deadline ${formatPartialDate(d.deadline)}` : "",
        d.overdue ? [" ", el("span", { class: "aa-badge aa-overdue", "data-overdue": "true" }, "Overdue")] : null,
      ),
    ]);
  }
  if (d.parties) facts.push(["Binds", d.parties]);
  facts.push(["Confidence", humanize(d.confidence)]);
  if (d.note) facts.push(["Note", d.note]);
  return el(
    "dl",
    { class: "aa-facts" },
    facts.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]),
  );
}

/** The status updates as a track from the day it was agreed, or a line saying there is none. */
function updateTrack(d: PanelDetail, updates: readonly PanelUpdate[]): HTMLElement {
  if (!updates.length) return el("p", { class: "meta" }, "No status update yet: nothing reported since it was agreed.");
  return el(
    "ol",
    { class: "aa-track", "data-testid": "panel-updates" },
    el("li", {}, el("span", { class: "date" }, formatPartialDate(d.date)), statusBadge("announced"), " Agreed"),
    updates.map((u) =>
      el(
        "li",
        { "data-update": u.id },
        el("span", { class: "date" }, formatPartialDate(u.date)),
        statusBadge(u.status),
        ` ${u.summary}`,
        u.event ? el("span", { class: "meta" }, ` · at ${u.event}`) : null,
        u.note ? el("span", { class: "meta" }, ` · ${u.note}`) : null,
        el(
          "div",
          { class: "meta" },
          "Source: ",
          link(u.source_url, `${u.source_publisher}${u.locator ? ` ${u.locator}` : ""}`),
          u.confidence !== "high" ? ` (${u.confidence} confidence)` : "",
        ),
      ),
    ),
  );
}

/** The follow-up commitments, each a button that opens it in the panel; null when there is none. */
function relatedList(links: readonly RelatedLink[], open: (id: string) => void): HTMLElement | null {
  if (!links.length) return null;
  return el(
    "div",
    { class: "aa-related" },
    el("h3", {}, "Follow-up"),
    links.map((r) => {
      const b = el("button", { type: "button", class: "aa-linklike", "data-open": r.id }, r.label);
      b.addEventListener("click", () => open(r.id));
      return el("div", {}, b);
    }),
  );
}

/** Every source cited, once, with what it is cited for. */
function sourceList(sources: readonly PanelSource[]): HTMLElement {
  return el(
    "ul",
    { class: "aa-sources", "data-testid": "panel-sources" },
    sources.map((s) =>
      el("li", {}, link(s.url, s.title), el("span", { class: "meta" }, ` · ${s.publisher} · for ${s.what.join(", ")}`)),
    ),
  );
}

/**
 * The panel body's nodes for commitment `d` with its `updates`; `links` are
 * the follow-up commitments, which `open` opens.
 */
export function commitmentPanelBody(
  d: PanelDetail,
  updates: readonly PanelUpdate[],
  links: readonly RelatedLink[],
  open: (id: string) => void,
): HTMLElement[] {
  return [
    factList(d),
    relatedList(links, open),
    el("h3", {}, `Status updates (${updates.length})`),
    updateTrack(d, updates),
    el("h3", {}, "Sources"),
    sourceList(panelSources(d, updates)),
  ].filter((n) => n !== null);
}
