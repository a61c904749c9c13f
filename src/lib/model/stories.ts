/**
 * Presentation stories: `data/stories/<id>.yaml`, a title and a list of
 * slides, each a saved view (the query string of a copied link), a headline
 * and a note for the speaker. Checked like the records: every problem with
 * file, line, column, field, the value found and what was expected, all at
 * once. A slide's link is read by the same parser as the pages
 * (`parseViewState`), so a link a story accepts is one the page shows without
 * a notice.
 *
 *     title: Pakistan and Belarus, 2015–2025
 *     theme: dark
 *     slides:
 *       - view: network
 *         link: "?sector=industry&size=degree"
 *         title: Industry binds the most institutions
 *         note: Start with the tractor plant.
 */
import { type Document, isMap, isScalar, LineCounter, type Node, parseDocument } from "yaml";
import { z } from "zod";
import type { FigureRecords } from "./figure-records.js";
import { FILTER_KEYS, type KnownValues, LIST_KEYS, type ListKey } from "./filters.js";
import type { Location, Problem } from "./problems.js";
import { showValue } from "./problems.js";
import { fillSlides, type Locate, placeholderProblems } from "./story-figures.js";
import { MARKUP, suggestion } from "./text-checks.js";
import { FRAME_KEYS, parseViewState, THEMES, type Theme, VIEW_KEYS, VIEWS, type ViewName } from "./view-state.js";

export interface Slide {
  view: ViewName;
  /** The query string of the view's link, as validated (`?sector=industry`), or "" for the plain view. */
  link: string;
  title: string;
  /** What the speaker says; shown with N. */
  note: string;
  /** False hides the chart's caption on this slide. */
  caption: boolean;
}

export interface Story {
  /** The file name without its extension. */
  id: string;
  title: string;
  description: string | null;
  /** The theme the story opens in. */
  theme: Theme;
  slides: Slide[];
}

/** What a link may name: the values the records hold, and the commitments a selection may point at. */
export interface StoryKnown {
  values: Required<{ [K in ListKey]: ReadonlySet<string> }>;
  institutions: ReadonlySet<string>;
  commitments: ReadonlySet<string>;
  /** The records the slides' figures are counted from (src/lib/model/story-figures.ts); without them, placeholders stay as typed. */
  records?: FigureRecords;
}

export const MAX_STORY_TITLE = 120;
export const MAX_DESCRIPTION = 600;
export const MAX_SLIDE_TITLE = 140;
export const MAX_NOTE = 3000;
export const MAX_LINK = 2000;
export const MAX_SLIDES = 100;

const trimmed = (max: number) => z.string().trim().min(1).max(max);

const slideSchema = z.strictObject({
  view: z.enum(VIEWS),
  link: z.string().max(MAX_LINK),
  title: trimmed(MAX_SLIDE_TITLE),
  note: trimmed(MAX_NOTE),
  caption: z.boolean().optional(),
});

const storySchema = z.strictObject({
  title: trimmed(MAX_STORY_TITLE),
  description: z.string().trim().max(MAX_DESCRIPTION).optional(),
  theme: z.enum(THEMES).optional(),
  slides: z.array(slideSchema).min(1).max(MAX_SLIDES),
});

/** What a valid value of each field looks like, for the report. */
const EXPECTED = {
  story: {
    title: `the story's title, 1 to ${MAX_STORY_TITLE} characters`,
    description: `a sentence or two for the list of stories, at most ${MAX_DESCRIPTION} characters`,
    theme: `${THEMES.join(" or ")}`,
    slides: `a list of 1 to ${MAX_SLIDES} slides, each with view, link, title and note`,
  },
  slide: {
    view: `one of: ${VIEWS.join(", ")}`,
    link: 'the query string of a copied link, as "?sector=industry&from=2015" ("" for the plain view)',
    title: `the slide's headline, 1 to ${MAX_SLIDE_TITLE} characters`,
    note: `what the speaker says, 1 to ${MAX_NOTE} characters`,
    caption: "false to hide the chart's caption (it is on by default)",
  },
} as const;

const TEXT_FIELDS = { story: ["title", "description"], slide: ["title", "note"] } as const;

export interface StoryResult {
  /** The story, when it has no error. */
  story?: Story;
  problems: Problem[];
}

/**
 * Reads one story file's text. `id` comes from the file name; `known` holds
 * the records' values (without it, links are checked for their form only).
 */
export function readStory(text: string, file: string, id: string, known?: StoryKnown): StoryResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const problems: Problem[] = [];
  const locate = (offset: number): Location => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  for (const error of doc.errors) {
    const where = locate(error.pos[0]);
    // A headline that starts with a placeholder is a flow mapping to YAML: say so.
    const line = text.split("\n")[(where.line ?? 1) - 1] ?? "";
    const key = /^\s*(?:-\s+)?(title|note):\s*\{/.exec(line)?.[1];
    problems.push({
      severity: "error",
      ...where,
      message: `is not valid YAML: ${error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}${key ? flowWords(key) : ""}`,
      expected: "well-formed YAML (check indentation, quotes and colons)",
    });
  }
  if (problems.length) return { problems };
  const at = (node: Node | null | undefined): Location => (node?.range ? locate(node.range[0]) : { file, line: 1 });
  if (!isMap(doc.contents)) {
    problems.push({
      severity: "error",
      ...at(doc.contents as Node | null),
      message: "the file does not hold a story",
      expected: "a mapping with title, slides and optionally description and theme",
    });
    return { problems };
  }
  const raw = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  const result = storySchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(...issueProblems(issue, raw, doc, at));
  }
  checkTexts(raw, doc, at, problems);
  const locateText: Locate = (path, span) => {
    const node = doc.getIn(path, true) as Node | undefined;
    const offset = span && isScalar(node) ? spanOffset(text, node, span) : undefined;
    return offset === undefined ? at(node) : locate(offset);
  };
  // Links and placeholders are checked whatever else is wrong with their slide, so one run reports everything.
  const rawSlides = Array.isArray(raw.slides) ? raw.slides : [];
  problems.push(...placeholderProblems(rawSlides, locateText));
  rawSlides.forEach((slide: unknown, index: number) => {
    if (!slide || typeof slide !== "object") return;
    const { view, link } = slide as Record<string, unknown>;
    if (typeof link !== "string") return;
    const loc = at(doc.getIn(["slides", index, "link"], true) as Node);
    // With an unknown view, the link's values are still checked (the keys of either view).
    const knownView = (VIEWS as readonly string[]).includes(view as string) ? (view as ViewName) : null;
    for (const issue of checkLink(knownView, link, known)) {
      problems.push({ severity: "error", ...loc, field: `slides[${index}].link`, ...issue });
    }
  });
  if (!result.success || problems.some((p) => p.severity === "error")) return { problems };
  const data = result.data;
  const slides = data.slides.map((s) => ({
    view: s.view,
    link: s.link.trim(),
    title: s.title,
    note: s.note,
    caption: s.caption ?? true,
  }));
  // With the records, every slide's figures are filled in and checked against what its view shows.
  const figures = known?.records ? fillSlides(slides, known.records, locateText, known.values) : null;
  if (figures) problems.push(...figures.problems);
  return {
    story: {
      id,
      title: data.title,
      description: data.description || null,
      theme: data.theme ?? "light",
      slides: figures?.slides ?? slides,
    },
    problems,
  };
}

/**
 * Where a piece of a scalar's (trimmed) value is in the file: the same
 * occurrence of the same words in the scalar's source, whatever the folding
 * or quoting between them; undefined when it cannot be found there.
 */
function spanOffset(text: string, node: Node, span: { start: number; text: string }): number | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  const words = span.text
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(words.join("\\s+"), "g");
  const value = String(node.value).trim();
  const before = [...value.matchAll(pattern)].filter((m) => m.index < span.start).length;
  const source = text.slice(node.range[0], node.range[1]);
  const found = [...source.matchAll(pattern)][before];
  return found ? node.range[0] + found.index : undefined;
}

type Context = keyof typeof EXPECTED;

function issueProblems(
  issue: z.core.$ZodIssue,
  raw: Record<string, unknown>,
  doc: Document,
  at: (node: Node | null | undefined) => Location,
): Problem[] {
  const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
  const context: Context = path[0] === "slides" && path.length >= 2 ? "slide" : "story";
  const fieldPath = (parts: (string | number)[]) =>
    parts.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
  if (issue.code === "unrecognized_keys") {
    const fields = Object.keys(EXPECTED[context]);
    const map = doc.getIn(path, true);
    return issue.keys.map((key) => {
      const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) : undefined;
      const near = suggestion(key, new Set(fields));
      return {
        severity: "error" as const,
        ...at((pair?.key as Node | undefined) ?? (map as Node)),
        field: fieldPath([...path, key]),
        message: `is not a field of a ${context}${near ? ` (did you mean "${near}"?)` : ""}`,
        expected: `fields among: ${fields.join(", ")}`,
      };
    });
  }
  const value = valueAt(raw, path);
  const name = [...path].reverse().find((p): p is string => typeof p === "string") ?? "";
  const expected = (EXPECTED[context] as Record<string, string>)[name];
  const missing = value === undefined || value === null;
  let node = doc.getIn(path, true) as Node | undefined;
  for (let up = path.length - 1; !node && up >= 0; up--) node = doc.getIn(path.slice(0, up), true) as Node | undefined;
  return [
    {
      severity: "error",
      ...at(node ?? (doc.contents as Node)),
      field: fieldPath(path),
      value: missing ? undefined : showValue(value),
      message: missing ? "is missing (required)" : `${describe(issue, value)}${flowHint(node, name)}`,
      expected,
    },
  ];
}

/** A headline or note that starts with `{`: YAML reads a placeholder there as a mapping. */
function flowHint(node: Node | undefined, name: string): string {
  if (!isMap(node) || !node.flow || (name !== "title" && name !== "note")) return "";
  return flowWords(name);
}

function flowWords(name: string): string {
  return `: YAML reads a text that starts with { as a mapping; quote it, as ${name}: "{commitments} commitments …"`;
}

function valueAt(raw: unknown, path: (string | number)[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function describe(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type": {
      const got = Array.isArray(value)
        ? "a list"
        : value !== null && typeof value === "object"
          ? "a mapping"
          : `a ${typeof value}`;
      return `has the wrong type (${got})`;
    }
    case "invalid_value":
      return "is not one of the allowed values";
    case "too_small":
      return Array.isArray(value) ? "is an empty list" : "is empty";
    case "too_big":
      return Array.isArray(value)
        ? `has more than ${issue.maximum} items`
        : `is longer than ${issue.maximum} characters (${String(value).length})`;
    default:
      return issue.message;
  }
}

/** Markup in text is kept as typed and shown as text: a warning, as in the records. */
function checkTexts(
  raw: Record<string, unknown>,
  doc: Document,
  at: (node: Node | null | undefined) => Location,
  problems: Problem[],
): void {
  const check = (path: (string | number)[], fieldPath: string) => {
    const value = valueAt(raw, path);
    if (typeof value === "string" && MARKUP.test(value)) {
      problems.push({
        severity: "warning",
        ...at(doc.getIn(path, true) as Node),
        field: fieldPath,
        message: "contains markup; it is kept as text and shown as typed, never as HTML",
      });
    }
  };
  for (const name of TEXT_FIELDS.story) check([name], name);
  if (Array.isArray(raw.slides)) {
    raw.slides.forEach((_, i) => {
      for (const name of TEXT_FIELDS.slide) check(["slides", i, name], `slides[${i}].${name}`);
    });
  }
}

// ---- Links --------------------------------------------------------------------

export interface LinkIssue {
  value?: string;
  message: string;
  expected: string;
}

const FILTER_EXPECTED: Record<(typeof FILTER_KEYS)[number], string> = {
  sector: "a sector id",
  country: "a country code",
  institution: "an institution id",
  series: "an event series",
  status: "a status",
  from: "a year, as from=2015",
  to: "a year, as to=2025",
};

const OPTION_EXPECTED: Record<string, string> = {
  show: "institutions or bipartite",
  links: "dominant or per-sector",
  size: "commitments, degree, weightedDegree or betweenness",
  colour: "country or community",
  zoom: "x,y,scale as the network writes it (zoom=10,20,1.5)",
  window: "two days in order, as window=2015-01-01..2025-12-31",
  title: "plain text of at most 120 characters",
};

/** Keys that appear once in a link (the list filters may repeat). */
const REPEATABLE = new Set<string>(LIST_KEYS);

/** A few of the values a key accepts, for the report. */
function someOf(values: ReadonlySet<string> | undefined, what: string): string {
  if (!values || values.size === 0) return what;
  const list = [...values].sort();
  const shown = list.slice(0, 12).join(", ");
  return `${what}: ${shown}${list.length > 12 ? ` and ${list.length - 12} more` : ""}`;
}

/**
 * Everything wrong with a slide's link, in words: not a query string, keys
 * the view does not read, values the page would drop (the notices of
 * `parseViewState` against the records' values), a selection that names no
 * record. An empty list means the page shows exactly what the link says.
 */
export function checkLink(view: ViewName | null, link: string, known?: StoryKnown): LinkIssue[] {
  const text = link.trim();
  if (text === "") return [];
  if (text.length > MAX_LINK) {
    return [{ message: `is longer than ${MAX_LINK} characters`, expected: EXPECTED.slide.link }];
  }
  if (!text.startsWith("?")) {
    const at = text.indexOf("?");
    return [
      {
        value: showValue(text),
        message:
          at > 0
            ? `is a whole address; keep only the part from "?" on (${showValue(text.slice(at))})`
            : "is not the query string of a link",
        expected: EXPECTED.slide.link,
      },
    ];
  }
  const params = new URLSearchParams(text);
  const issues: LinkIssue[] = [];
  const allowed = new Set<string>([
    ...FILTER_KEYS,
    ...(view ? VIEW_KEYS[view] : VIEWS.flatMap((v) => VIEW_KEYS[v])),
    "title",
  ]);
  // The other views that read a key, for "an option of the timeline view, not of the network view".
  const ownersOf = (key: string) => VIEWS.filter((v) => v !== view && VIEW_KEYS[v].includes(key));
  // The view whose parser reads a key (either, for a slide whose view is unknown).
  const parserOf = (key: string): ViewName => view ?? VIEWS.find((v) => VIEW_KEYS[v].includes(key)) ?? "network";
  const knownValues: KnownValues | undefined = known?.values;
  const seen = new Map<string, number>();
  const reported = new Set<string>();
  for (const [key, value] of params) {
    const pair = showValue(`${key}=${value}`);
    if (!allowed.has(key)) {
      const frame = (FRAME_KEYS as readonly string[]).includes(key);
      issues.push({
        value: pair,
        message: frame
          ? key === "theme"
            ? "sets the theme, which belongs to the story (theme:) and the presenter's T key"
            : key === "caption"
              ? "sets the caption, which belongs to the slide (caption: false)"
              : `sets the ${key === "fit" ? "sizing" : "type scale"}, which /present chooses for every slide (fit=frame, type=slide)`
          : view && ownersOf(key).length
            ? `is an option of the ${ownersOf(key).join(" and ")} view${ownersOf(key).length > 1 ? "s" : ""}, not of the ${view} view`
            : `is not part of a ${view ?? "view's"} link${hint(key, allowed)}`,
        expected: `keys among: ${[...allowed].join(", ")}`,
      });
      continue;
    }
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (seen.get(key) === 2 && !REPEATABLE.has(key)) {
      issues.push({ value: showValue(key), message: "is given more than once", expected: "each of these keys once" });
    }
    if (key === "title" && (MARKUP.test(value) || /[\u0000-\u001f\u007f-\u009f]/.test(value))) {
      issues.push({ value: pair, message: "contains markup or control characters", expected: OPTION_EXPECTED.title });
      continue;
    }
    // One key at a time through the page's own parser: its notices are exactly what the page would drop.
    const single = new URLSearchParams([[key, value]]);
    for (const notice of parseViewState(parserOf(key), single, knownValues).notices) {
      reported.add(notice);
      const list = (LIST_KEYS as readonly string[]).includes(key);
      issues.push({
        value: pair,
        message: `would be dropped by the page: ${words(notice)}${list ? hint(value.trim(), known?.values[key as ListKey]) : ""}`,
        expected: list
          ? someOf(known?.values[key as ListKey], FILTER_EXPECTED[key as ListKey])
          : key === "from" || key === "to"
            ? FILTER_EXPECTED[key]
            : key === "select"
              ? selectExpected(parserOf(key))
              : (OPTION_EXPECTED[key] ?? "a value the page accepts"),
      });
    }
  }
  // What only the whole link shows: a time range that ends before it starts.
  const whole = parseViewState(view ?? "network", params, knownValues);
  for (const notice of whole.notices) {
    if (reported.has(notice)) continue;
    reported.add(notice);
    issues.push({
      message: `would be dropped by the page: ${words(notice)}`,
      expected: "from and to in order (from=2015&to=2020)",
    });
  }
  const select = whole.options.select;
  if (view && select && known) issues.push(...checkSelect(view, select, params.get("show"), known));
  return issues;
}

/** A page's notice as part of a report line: "Ignored unknown sector “x”." → "unknown sector “x”". */
function words(notice: string): string {
  return notice.replace(/^Ignored /, "").replace(/\.$/, "");
}

function selectExpected(view: ViewName): string {
  return view === "network"
    ? "an institution id, or commitment:<commitment id> with show=bipartite"
    : "a commitment id";
}

function checkSelect(view: ViewName, select: string, show: string | null, known: StoryKnown): LinkIssue[] {
  const value = showValue(`select=${select}`);
  const expected = selectExpected(view);
  if (view === "timeline") {
    return known.commitments.has(select)
      ? []
      : [{ value, message: `selects no commitment of the records${hint(select, known.commitments)}`, expected }];
  }
  if (select.startsWith("commitment:")) {
    const id = select.slice("commitment:".length);
    if (!known.commitments.has(id)) {
      return [{ value, message: `selects no commitment of the records${hint(id, known.commitments)}`, expected }];
    }
    return show === "bipartite"
      ? []
      : [{ value, message: "selects a commitment, which the network draws only with show=bipartite", expected }];
  }
  return known.institutions.has(select)
    ? []
    : [{ value, message: `selects no institution of the records${hint(select, known.institutions)}`, expected }];
}

function hint(value: string, known: ReadonlySet<string> | Set<string> | undefined): string {
  // Two-letter codes are all "near" each other: no guess for short values.
  if (!known || value.length < 4) return "";
  const near = suggestion(value, known as Set<string>);
  return near ? ` (did you mean "${near}"?)` : "";
}
