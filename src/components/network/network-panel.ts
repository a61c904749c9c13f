/**
 * The side panel of a selected node: who it is, its metrics, its partners
 * (buttons that select them) and the commitments that bind it, each with its
 * event, date, status and source link.
 */
import { formatPartialDate } from "../../lib/model/dates.js";
import type { Status } from "../../lib/model/schema.js";
import { humanize, STATUS_META } from "../../lib/model/value-labels.js";
import type { GraphNode } from "../../lib/network/graph.js";
import { institutionFacts } from "../../lib/network/node-affiliation.js";
import type { NodeMetrics } from "../../lib/network/ranking.js";
import { el, emptyState, link } from "../dom.js";

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

export function networkPanel(
  node: GraphNode,
  commitments: readonly PanelCommitment[],
  options: {
    partners: readonly Partner[];
    metrics?: NodeMetrics;
    brokerRank?: number;
    onPick: (id: string) => void;
    onClose: () => void;
  },
): HTMLElement {
  const m = options.metrics;
  const heading =
    node.kind === "institution"
      ? [
          el("h2", { id: "aa-net-panel-title" }, node.name),
          node.acronym ? el("p", { class: "aa-net-acronym" }, node.acronym) : null,
        ]
      : [el("h2", { id: "aa-net-panel-title" }, "Commitment")];
  const facts =
    node.kind === "institution"
      ? el(
          "p",
          { class: "muted" },
          [
            institutionFacts(node),
            `${node.commitments} commitment${node.commitments === 1 ? "" : "s"} in view`,
            m ? `${m.degree} partner${m.degree === 1 ? "" : "s"}` : null,
            m && options.brokerRank ? `broker rank ${options.brokerRank}` : null,
            m ? `community ${m.community}` : null,
          ]
            .filter(Boolean)
            .join(" · "),
        )
      : null;
  const partners = options.partners.length
    ? el(
        "div",
        {},
        el("h3", {}, `Partners (${options.partners.length})`),
        el(
          "ul",
          { class: "aa-net-partners" },
          options.partners.map((p) =>
            el(
              "li",
              {},
              el("button", { type: "button", "data-id": p.id, onclick: () => options.onPick(p.id) }, p.label),
              ` ${p.shared}`,
            ),
          ),
        ),
      )
    : el("p", { class: "muted" }, "No partner in view: its commitments here bind it alone.");
  const list = commitments.length
    ? el(
        "ol",
        { class: "aa-net-commitments", "data-testid": "panel-commitments" },
        commitments.map((c) => {
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
        }),
      )
    : emptyState("No commitment in view", "The filters leave none that bind it.");
  return el(
    "section",
    { class: "aa-net-panel", "aria-labelledby": "aa-net-panel-title", "data-node": node.id, tabindex: -1 },
    el(
      "button",
      { type: "button", class: "aa-net-close", "aria-label": "Close the panel", onclick: options.onClose },
      "×",
    ),
    heading,
    facts,
    node.kind === "institution" ? partners : null,
    el("h3", {}, node.kind === "institution" ? `Commitments (${commitments.length})` : "Details"),
    list,
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
