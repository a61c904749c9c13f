/**
 * The side panel of a selected node: who it is, its metrics, its partners
 * (buttons that select them) and the commitments that bind it, each with its
 * event, date, status and source link. A hub's partners and commitments come
 * a page at a time (src/components/paged-list.ts).
 */
import { formatPartialDate } from "../../lib/model/dates.js";
import type { Status } from "../../lib/model/schema.js";
import { humanize, STATUS_META } from "../../lib/model/value-labels.js";
import type { GraphNode } from "../../lib/network/graph.js";
import { institutionFacts } from "../../lib/network/node-affiliation.js";
import type { NodeMetrics } from "../../lib/network/ranking.js";
import { PANEL_COMMITMENTS_PAGE } from "../../lib/sql/network-queries.js";
import { el, emptyState, link } from "../dom.js";
import { pagedList } from "../paged-list.js";

export interface PanelCommitment {
  id: string;
  summary: string;
  date: string | null;
  status: string;
  confidence: string;
  note: string | null;
  sector: string;
  sector_color: string;
  event_id: string;
  event: string;
  source_title: string;
  source_publisher: string | null;
  source_url: string;
  locator: string | null;
  partners: string | null;
}

/**
 * The commitments a panel lists: those read so far (by position), how many
 * there are in all, and how to read positions `from` to `to` into `rows`
 * (null when all are read: a commitment's own panel, a small institution).
 */
export interface PanelRows {
  rows: PanelCommitment[];
  total: number;
  more: ((from: number, to: number) => Promise<void>) | null;
}

export interface Partner {
  id: string;
  label: string;
  shared: number;
}

export function statusBadge(status: string): HTMLElement {
  const meta = STATUS_META[status as Status];
  const badge = el("span", { class: "aa-status-badge" }, meta?.label ?? humanize(status));
  if (meta) badge.style.setProperty("--status", meta.color);
  return badge;
}

/** Partners and commitments built at first, and by each "Show more" (a hub has hundreds of each). */
export const PANEL_PAGE = { partners: 30, commitments: PANEL_COMMITMENTS_PAGE };

function partnersBlock(partners: readonly Partner[], onPick: (id: string) => void): HTMLElement {
  if (!partners.length) return el("p", { class: "muted" }, "No partner in view: its commitments here bind it alone.");
  const item = (i: number) => {
    const p = partners[i];
    return el(
      "li",
      {},
      el("button", { type: "button", "data-id": p.id, onclick: () => onPick(p.id) }, p.label),
      ` ${p.shared}`,
    );
  };
  return el(
    "div",
    {},
    el("h3", {}, `Partners (${partners.length})`),
    pagedList(el("ul", { class: "aa-net-partners" }), partners.length, item, {
      page: PANEL_PAGE.partners,
      noun: "partners",
    }),
  );
}

/** One commitment of the panel: summary, status, sector, date, event, partners, source, confidence. */
function commitmentItem(c: PanelCommitment): HTMLElement {
  const sector = el("span", { class: "aa-net-sector" }, c.sector);
  sector.style.setProperty("--sector", c.sector_color);
  return el(
    "li",
    { "data-commitment": c.id },
    el("p", { class: "summary" }, c.summary),
    el(
      "p",
      { class: "meta" },
      statusBadge(c.status),
      " ",
      sector,
      " · ",
      c.date ? formatPartialDate(c.date) : "undated",
      " · ",
      c.event,
    ),
    c.partners ? el("p", { class: "meta" }, `With ${c.partners}`) : null,
    el(
      "p",
      { class: "meta source" },
      "Source: ",
      link(c.source_url, c.source_publisher ? `${c.source_publisher}: ${c.source_title}` : c.source_title),
      c.locator ? ` (${c.locator})` : "",
    ),
    c.confidence !== "high" || c.note
      ? el(
          "p",
          { class: "meta aa-net-note" },
          c.confidence !== "high" ? `Confidence ${c.confidence}. ` : "",
          c.note ?? "",
        )
      : null,
  );
}

function commitmentsBlock(commitments: PanelRows): HTMLElement[] {
  if (!commitments.total) return [emptyState("No commitment in view", "The filters leave none that bind it.")];
  const list = el("ol", { class: "aa-net-commitments", "data-testid": "panel-commitments" });
  return pagedList(list, commitments.total, (i) => commitmentItem(commitments.rows[i]), {
    page: PANEL_PAGE.commitments,
    noun: "commitments",
    load: commitments.more ?? undefined,
  });
}

function institutionFactsLine(node: GraphNode, m: NodeMetrics | undefined, brokerRank?: number): HTMLElement | null {
  if (node.kind !== "institution") return null;
  return el(
    "p",
    { class: "muted" },
    [
      institutionFacts(node),
      `${node.commitments} commitment${node.commitments === 1 ? "" : "s"} in view`,
      m ? `${m.degree} partner${m.degree === 1 ? "" : "s"}` : null,
      m && brokerRank ? `broker rank ${brokerRank}` : null,
      m ? `community ${m.community}` : null,
    ]
      .filter(Boolean)
      .join(" · "),
  );
}

export function networkPanel(
  node: GraphNode,
  commitments: PanelRows,
  options: {
    partners: readonly Partner[];
    metrics?: NodeMetrics;
    brokerRank?: number;
    onPick: (id: string) => void;
    onClose: () => void;
  },
): HTMLElement {
  const institution = node.kind === "institution";
  const heading = institution
    ? [
        el("h2", { id: "aa-net-panel-title" }, node.name),
        node.acronym ? el("p", { class: "aa-net-acronym" }, node.acronym) : null,
      ]
    : [el("h2", { id: "aa-net-panel-title" }, "Commitment")];
  return el(
    "section",
    { class: "aa-net-panel", "aria-labelledby": "aa-net-panel-title", "data-node": node.id, tabindex: -1 },
    el(
      "button",
      { type: "button", class: "aa-net-close", "aria-label": "Close the panel", onclick: options.onClose },
      "×",
    ),
    heading,
    institutionFactsLine(node, options.metrics, options.brokerRank),
    institution ? partnersBlock(options.partners, options.onPick) : null,
    el("h3", {}, institution ? `Commitments (${commitments.total.toLocaleString("en")})` : "Details"),
    commitmentsBlock(commitments),
  );
}

/** The brokers list: institutions with the highest betweenness, as buttons that select them. */
export function brokersList(
  rows: readonly { id: string; label: string; betweenness: number; degree: number }[],
  onPick: (id: string) => void,
): HTMLElement {
  if (!rows.length) return emptyState("No broker", "No institution in view sits between two others.");
  return el(
    "ol",
    { class: "aa-net-brokers", "data-testid": "brokers" },
    rows.map((r) =>
      el(
        "li",
        {},
        el("button", { type: "button", "data-id": r.id, onclick: () => onPick(r.id) }, r.label),
        el("span", { class: "muted" }, ` ${r.betweenness.toFixed(3)} · ${r.degree} partners`),
      ),
    ),
  );
}
