/**
 * Figures in a story's slides: `{institutions}`, `{commitments}`,
 * `{sectors}` and `{events}` in a slide's title or note are filled with the
 * figures of the slide's own view (src/lib/model/view-figures.ts), so the
 * story /present loads already says them; an unknown placeholder is an
 * error. With the records, a number written next to "institutions" or
 * "commitments" that the view does not show, a claim that the selected
 * institution is named in the most commitments when another is named in as
 * many, and a selection the slide's own filters exclude are warnings, each
 * with file, line, column, field, the value and what the view shows.
 */

import type { InstitutionNode } from "../network/graph.js";
import { lanesThatFit } from "../timeline/lanes-in-frame.js";
import type { FigureRecords } from "./figure-records.js";
import type { KnownValues } from "./filters.js";
import {
  fillPlaceholders,
  mostClaims,
  PLACEHOLDERS,
  type Placeholder,
  placeholdersIn,
  statedNumbers,
  type TextSpan,
} from "./headline-figures.js";
import type { Location, Problem } from "./problems.js";
import { showValue } from "./problems.js";
import { type ViewFigures, viewFigures } from "./view-figures.js";
import type { ViewName } from "./view-state.js";

/** Where a piece of a field's text is in the file: `path` is the field's place in the YAML document. */
export type Locate = (path: (string | number)[], span?: TextSpan) => Location;

const TEXT_FIELDS = ["title", "note"] as const;

/** A slide as the figures read it (before or after validation). */
interface SlideText {
  view: ViewName;
  link: string;
  title: string;
  note: string;
}

/** Unknown `{name}`s in the slides' titles and notes: errors, with or without the records. */
export function placeholderProblems(slides: readonly unknown[], locate: Locate): Problem[] {
  const problems: Problem[] = [];
  slides.forEach((slide, index) => {
    if (!slide || typeof slide !== "object") return;
    for (const field of TEXT_FIELDS) {
      const text = (slide as Record<string, unknown>)[field];
      if (typeof text !== "string") continue;
      for (const found of placeholdersIn(text)) {
        if ((PLACEHOLDERS as readonly string[]).includes(found.name)) continue;
        problems.push({
          severity: "error",
          ...locate(["slides", index, field], found),
          field: `slides[${index}].${field}`,
          value: showValue(found.text),
          message: "is not a figure a slide can show",
          expected: `one of ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")} (the figures of the slide's own view)`,
        });
      }
    }
  });
  return problems;
}

/** The words for a view's figure: "72 institutions (and 2 generic mentions)", "140 commitments". */
function shown(figures: ViewFigures, noun: "institutions" | "commitments"): string {
  if (noun === "commitments") return `${figures.commitments.toLocaleString("en")} commitments`;
  const generic = figures.generic ? ` (and ${figures.generic} generic mention${figures.generic === 1 ? "" : "s"})` : "";
  return `${figures.institutions.toLocaleString("en")} institutions${generic}`;
}

/** The selected institution, when the slide selects one the view shows. */
function selectedNode(figures: ViewFigures): InstitutionNode | undefined {
  const s = figures.selection;
  return s?.kind === "institution" && s.shown ? figures.nodes.find((n) => n.id === s.id) : undefined;
}

/** Numbers next to "institutions"/"commitments" that the view does not show. */
function numberWarnings(text: string, figures: ViewFigures, where: (span: TextSpan) => Problem): Problem[] {
  const selected = selectedNode(figures);
  const problems: Problem[] = [];
  for (const stated of statedNumbers(text)) {
    const actual = stated.noun === "institutions" ? figures.institutions : figures.commitments;
    // A slide that selects an institution may also say how many commitments bind it.
    if (stated.value === actual || (stated.noun === "commitments" && stated.value === selected?.commitments)) continue;
    const also =
      selected && stated.noun === "commitments" ? `; ${selected.id} is named in ${selected.commitments}` : "";
    problems.push({
      ...where(stated),
      value: showValue(stated.phrase),
      message: `says ${stated.value.toLocaleString("en")} ${stated.value === 1 ? stated.noun.slice(0, -1) : stated.noun}, but the slide's view shows ${shown(figures, stated.noun)}${also}`,
      expected: `the view's figure, or {${stated.noun}} to have it filled in`,
    });
  }
  return problems;
}

/** Whole governments and generic mentions are left aside when an institution is said to be named in the most commitments. */
export function rivalOf(node: InstitutionNode): boolean {
  return node.type !== "government" && node.naming !== "generic";
}

/** A claim of the most commitments for the selected institution that another institution in the view matches or beats. */
function mostWarnings(text: string, figures: ViewFigures, where: (span: TextSpan) => Problem): Problem[] {
  const selected = selectedNode(figures);
  if (!selected) return [];
  const rivals = figures.nodes
    .filter((n) => n.id !== selected.id && rivalOf(n))
    .sort((a, b) => b.commitments - a.commitments || (a.id < b.id ? -1 : 1));
  const leader = rivals[0];
  if (!leader || leader.commitments < selected.commitments) return [];
  const ties = rivals.filter((n) => n.commitments === leader.commitments).map((n) => `${n.name} (${n.id})`);
  const beaten = leader.commitments > selected.commitments;
  return mostClaims(text).map((claim) => ({
    ...where(claim),
    value: showValue(claim.text),
    message: `claims the most commitments for ${selected.name} (${selected.id}, named in ${selected.commitments}), but ${ties.join(", ")} ${beaten ? `${ties.length === 1 ? "is" : "are"} named in more (${leader.commitments})` : `${ties.length === 1 ? "is" : "are"} named in as many`} in the slide's view`,
    expected:
      "a claim the view bears out: no other institution (whole governments and generic mentions aside) named in as many commitments",
  }));
}

/**
 * The height of a timeline slide's chart, in CSS px: the chart's box in a
 * 1280 × 720 slide frame at the slide type scale, under the title and above
 * the legend and caption (as measured in /present and the deck's frames).
 */
export const SLIDE_CHART_HEIGHT = 440;

/** A timeline slide with more sector lanes than its chart holds even collapsed: some would be left out. */
function laneWarning(slide: SlideText, figures: ViewFigures, index: number, locate: Locate): Problem[] {
  if (slide.view !== "timeline") return [];
  const room = lanesThatFit(SLIDE_CHART_HEIGHT, "slide", { mode: "collapsed" });
  if (figures.sectors <= room) return [];
  return [
    {
      severity: "warning",
      ...locate(["slides", index, "link"]),
      field: `slides[${index}].link`,
      value: showValue(slide.link || '""'),
      message: `shows ${figures.sectors} sector lanes, more than the ${room} a slide's timeline holds even collapsed: the slide leaves the smallest lanes out (and says so)`,
      expected: `at most ${room} sectors in the slide's view: name them with sector=…`,
    },
  ];
}

/** A selection the slide's own filters (or window) leave out. */
function selectionWarning(slide: SlideText, figures: ViewFigures, index: number, locate: Locate): Problem[] {
  const s = figures.selection;
  if (!s || s.shown) return [];
  const rule = slide.view === "timeline" ? "filters and window" : "filters";
  const what =
    s.kind === "institution"
      ? `institution ${s.id}, which no commitment the slide's own ${rule} keep binds`
      : `commitment ${s.id}, which the slide's own ${rule} leave out`;
  return [
    {
      severity: "warning",
      ...locate(["slides", index, "link"]),
      field: `slides[${index}].link`,
      value: showValue(`select=${s.kind === "commitment" && slide.view === "network" ? `commitment:${s.id}` : s.id}`),
      message: `selects ${what}: the slide cannot show it`,
      expected: "a selection the slide's filters keep (or filters that keep it)",
    },
  ];
}

/**
 * Each slide's figures: the title and note filled in, and the warnings.
 * `known`: the records' values (so the link reads as the page reads it).
 */
export function fillSlides<S extends SlideText>(
  slides: readonly S[],
  records: FigureRecords,
  locate: Locate,
  known: KnownValues = {},
): { slides: S[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const filled = slides.map((slide, index) => {
    const figures = viewFigures(slide.view, slide.link, records, known);
    const values: Record<Placeholder, number> = {
      institutions: figures.institutions,
      commitments: figures.commitments,
      sectors: figures.sectors,
      events: figures.events,
    };
    const out = { ...slide };
    for (const field of TEXT_FIELDS) {
      const text = fillPlaceholders(slide[field], values);
      const where = (span: TextSpan): Problem => ({
        severity: "warning",
        ...locate(["slides", index, field], sourceSpan(slide[field], text, span)),
        field: `slides[${index}].${field}`,
        message: "",
      });
      problems.push(...numberWarnings(text, figures, where), ...mostWarnings(text, figures, where));
      out[field] = text;
    }
    problems.push(...selectionWarning(slide, figures, index, locate), ...laneWarning(slide, figures, index, locate));
    return out;
  });
  return { slides: filled, problems };
}

/**
 * A span of the filled text as a span of the text as typed: a number that a
 * placeholder wrote points at the placeholder; anything else at itself.
 */
function sourceSpan(typed: string, filled: string, span: TextSpan): TextSpan {
  if (typed === filled) return span;
  // How far the filled text has moved from the typed one, placeholder by placeholder.
  let shift = 0;
  for (const p of placeholdersIn(typed)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(p.name)) continue;
    const at = p.start + shift;
    const written = filled.slice(at).match(/^[\d,]+/)?.[0] ?? "";
    if (span.start < at) break;
    if (span.start < at + written.length) return p;
    shift += written.length - p.text.length;
  }
  return { ...span, start: span.start - shift, end: span.end - shift };
}
