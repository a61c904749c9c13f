/**
 * The figures of one saved view (a story slide's view and link): how many
 * institutions and commitments it shows, from how many sectors and events,
 * each institution with the commitments that bind it, and whether the link's
 * selection is among what it shows. Counted with the views' own rules: the
 * link read by `parseViewState`, the filters by `commitmentMatcher` (the rule
 * of `commitmentWhere`), the network's nodes by `projectGraph` (the
 * projection the page draws, src/lib/network/project.ts) and its counts as
 * `networkCounts` gives them (named institutions, generic mentions apart;
 * commitments that name a party), the timeline's count as `timelineLanes`
 * gives it (the commitments in the filters and the window).
 */
import type { InstitutionNode, PartyLink } from "../network/graph.js";
import { isGeneric } from "../network/node-affiliation.js";
import { projectGraph } from "../network/project.js";
import { commitmentMatcher } from "./commitment-match.js";
import type { FigureCommitment, FigureRecords } from "./figure-records.js";
import type { KnownValues } from "./filters.js";
import { parseViewState, type ViewName } from "./view-state.js";

export interface ViewFigures {
  view: ViewName;
  /** Named institutions (the caption's "76 institutions"). */
  institutions: number;
  /** Institutions the sources only describe ("the chambers of commerce"), counted apart as the caption does. */
  generic: number;
  /** Network: commitments that bind a party (drawn); timeline: commitments in the filters and window. */
  commitments: number;
  /** Sectors and events of those commitments. */
  sectors: number;
  events: number;
  /** The institutions those commitments bind, each with how many of them bind it, in id order. */
  nodes: InstitutionNode[];
  /** The link's `select`, and whether the view shows it; null without one. */
  selection: { id: string; kind: "institution" | "commitment"; shown: boolean } | null;
}

/** The figures of `view` with the link `link` (a query string, "" for the plain view). */
export function viewFigures(
  view: ViewName,
  link: string,
  records: FigureRecords,
  known: KnownValues = {},
): ViewFigures {
  const state = parseViewState(view, link, known);
  const window =
    state.view === "timeline" ? (state.options as { window: { from: string; to: string } | null }).window : null;
  const matches = commitmentMatcher(state.filters, records, window);
  const kept = new Map<string, FigureCommitment>();
  for (const c of records.commitments) if (matches(c)) kept.set(c.id, c);
  const links: PartyLink[] = [];
  for (const p of records.parties) {
    const c = kept.get(p.commitment_id);
    if (c) links.push({ commitment_id: c.id, institution_id: p.institution_id, sector: c.sector });
  }
  const nodes = projectGraph(links, records.institutions).nodes as InstitutionNode[];
  // The network draws the commitments that bind a party; the timeline draws every one.
  const bound = new Set(links.map((l) => l.commitment_id));
  const counted = view === "network" ? [...kept.values()].filter((c) => bound.has(c.id)) : [...kept.values()];
  const select = state.options.select;
  let selection: ViewFigures["selection"] = null;
  if (select) {
    const commitment = view === "timeline" ? select : select.startsWith("commitment:") ? select.slice(11) : null;
    selection = commitment
      ? { id: commitment, kind: "commitment", shown: counted.some((c) => c.id === commitment) }
      : { id: select, kind: "institution", shown: nodes.some((n) => n.id === select) };
  }
  return {
    view,
    institutions: nodes.filter((n) => !isGeneric(n)).length,
    generic: nodes.filter((n) => isGeneric(n)).length,
    commitments: counted.length,
    sectors: new Set(counted.map((c) => c.sector)).size,
    events: new Set(counted.map((c) => c.event_id)).size,
    nodes,
    selection,
  };
}
