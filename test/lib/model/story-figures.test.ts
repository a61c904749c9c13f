/**
 * Figures in story slides (src/lib/model/story-figures.ts, through
 * readStory): placeholders filled with the figures of each slide's own view,
 * an unknown placeholder refused with file, line and column, numbers the
 * view does not show, claims of the most commitments the view does not bear
 * out and selections the slide's own filters exclude reported as warnings
 * (and none when the text is true). The records are a small fixture made
 * here, so every figure is counted by hand in the comments; lines and
 * columns are found in the test's own text.
 */
import { describe, expect, it } from "vitest";
import { dayOf, type FigureRecords } from "../../../src/lib/model/figure-records.js";
import type { Problem } from "../../../src/lib/model/problems.js";
import { formatProblem } from "../../../src/lib/model/problems.js";
import { STATUSES } from "../../../src/lib/model/schema.js";
import { readStory, type StoryKnown } from "../../../src/lib/model/stories.js";

const FILE = "stories/figures.yaml";

const institution = (id: string, type: string, countries: string[], naming = "named") => ({
  id,
  name: `Name of ${id}`,
  acronym: null,
  affiliation: countries.length === 1 ? countries[0] : "joint",
  countries,
  country_name: countries.join("–"),
  naming,
  type,
});

const commitment = (id: string, sector: string, date: string, event_id = "e1", status = "announced") => ({
  id,
  event_id,
  sector,
  status,
  date_from: dayOf(date),
  date_to: dayOf(date),
});

/**
 * c1 trade 2015 (gov-a, gov-b, min-a) · c2 trade 2016 (min-a, agency-b) ·
 * c3 health 2024 (gov-a, rival-b) · c4 health 2024 (rival-b, chambers) ·
 * c5 trade 2025 (min-a, rival-b) · c6 health 2025 (no party).
 * Named institutions bound: gov-a, gov-b, min-a, agency-b, rival-b (5), and
 * one generic mention (chambers). min-a and rival-b are each in 3 commitments;
 * gov-a in 2 (a whole government).
 */
const records: FigureRecords = {
  institutions: [
    institution("gov-a", "government", ["AA"]),
    institution("gov-b", "government", ["BB"]),
    institution("min-a", "ministry", ["AA"]),
    institution("agency-b", "agency", ["BB"]),
    institution("rival-b", "ministry", ["BB"]),
    institution("chambers", "chamber", ["AA"], "generic"),
    institution("idle", "agency", ["AA"]),
  ],
  commitments: [
    commitment("c1", "trade", "2015-05-01"),
    commitment("c2", "trade", "2016-02-01"),
    commitment("c3", "health", "2024-03-01", "e2"),
    commitment("c4", "health", "2024-06-01", "e2", "done"),
    commitment("c5", "trade", "2025-01-10", "e3"),
    commitment("c6", "health", "2025-02-01", "e3"),
  ],
  parties: [
    ["c1", "gov-a"],
    ["c1", "gov-b"],
    ["c1", "min-a"],
    ["c2", "min-a"],
    ["c2", "agency-b"],
    ["c3", "gov-a"],
    ["c3", "rival-b"],
    ["c4", "rival-b"],
    ["c4", "chambers"],
    ["c5", "min-a"],
    ["c5", "rival-b"],
  ].map(([commitment_id, institution_id]) => ({ commitment_id, institution_id })),
  eventSeries: new Map([
    ["e1", null],
    ["e2", "Commission"],
    ["e3", "Commission"],
  ]),
};

const ids = (list: readonly { id: string }[]) => new Set(list.map((x) => x.id));
const known: StoryKnown = {
  values: {
    sector: new Set(["trade", "health"]),
    country: new Set(["AA", "BB"]),
    institution: ids(records.institutions),
    series: new Set(["Commission"]),
    status: new Set(STATUSES),
  },
  institutions: ids(records.institutions),
  commitments: ids(records.commitments),
  records,
};

/** A story of the slides given as [view, link, title, note]. */
function story(...slides: [string, string, string, string][]): string {
  const body = slides
    .map(
      ([view, link, title, note]) =>
        `  - view: ${view}\n    link: ${JSON.stringify(link)}\n    title: ${title}\n    note: ${note}\n`,
    )
    .join("");
  return `title: Figures\nslides:\n${body}`;
}

/** 1-based line and column of the `nth` (0-based) occurrence of `needle` in the text. */
function place(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`no ${needle}`);
  const before = text.slice(0, at).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const warnings = (problems: Problem[]) => problems.filter((p) => p.severity === "warning");
const report = (problems: Problem[]) => problems.map(formatProblem).join("\n");

describe("placeholders", () => {
  it("are filled with the figures of each slide's own view", () => {
    const text = story(
      [
        "network",
        "",
        "'{institutions} institutions, {commitments} commitments'",
        "From {events} events in {sectors} sectors.",
      ],
      ["network", "?sector=health", "'Health: {institutions} institutions'", "'{commitments} commitments'"],
      [
        "timeline",
        "?window=2024-01-01..2025-12-31",
        '"{commitments} commitments since 2024"',
        ">-\n      {institutions} bound",
      ],
    );
    const result = readStory(text, FILE, "figures", known);
    expect(report(result.problems)).toBe("");
    expect(result.story?.slides.map((s) => [s.title, s.note])).toEqual([
      // c6 names no party: the network does not draw it. Events: e1, e2, e3; sectors: trade, health.
      ["5 institutions, 5 commitments", "From 3 events in 2 sectors."],
      // c3, c4: gov-a, rival-b (named), chambers (generic, counted apart).
      ["Health: 2 institutions", "2 commitments"],
      // The timeline counts every commitment in the window, c6 too: c3, c4, c5, c6.
      ["4 commitments since 2024", "3 bound"],
    ]);
  });

  it("leave the text as typed without the records", () => {
    const text = story(["network", "", "'{institutions} institutions'", "Say this."]);
    const result = readStory(text, FILE, "figures");
    expect(result.story?.slides[0].title).toBe("{institutions} institutions");
  });

  it("that start an unquoted text get a hint to quote it", () => {
    for (const title of ["{institutions} institutions", "{institutions}"]) {
      const text = story(["network", "", title, "Say this."]);
      const [error] = readStory(text, FILE, "figures", known).problems;
      expect(error.line, title).toBe(5);
      expect(error.message, title).toMatch(/YAML reads a text that starts with \{ as a mapping; quote it/);
    }
  });

  it("that are unknown are errors with file, line, column and what was expected, records or not", () => {
    const text = story(
      ["network", "", "Who? {institution} bodies", "Say this."],
      ["timeline", "", "A slide", ">-\n      Folded over\n      two lines: {comitments} and {sectors}."],
    );
    for (const withRecords of [known, undefined]) {
      const result = readStory(text, FILE, "figures", withRecords);
      expect(result.story).toBeUndefined();
      const errors = result.problems.filter((p) => p.severity === "error");
      expect(errors.map((p) => [p.file, p.line, p.column, p.field, p.value])).toEqual([
        [
          FILE,
          place(text, "{institution}").line,
          place(text, "{institution}").column,
          "slides[0].title",
          '"{institution}"',
        ],
        [
          FILE,
          place(text, "{comitments}").line,
          place(text, "{comitments}").column,
          "slides[1].note",
          '"{comitments}"',
        ],
      ]);
      expect(errors[0].expected).toMatch(/\{institutions\}, \{commitments\}, \{sectors\}, \{events\}/);
    }
  });
});

describe("numbers the view does not show", () => {
  it("are warnings with where they are, the value and what the view shows", () => {
    const text = story([
      "network",
      "",
      "Who is bound? 7 institutions, 5 commitments",
      ">-\n      With six commitments and\n      five institutions.",
    ]);
    const result = readStory(text, FILE, "figures", known);
    expect(result.story, "warnings do not stop a story").toBeDefined();
    const found = warnings(result.problems);
    expect(found.map((p) => [p.line, p.column, p.field, p.value])).toEqual([
      [place(text, "7 institutions").line, place(text, "7 institutions").column, "slides[0].title", '"7 institutions"'],
      [
        place(text, "six commitments").line,
        place(text, "six commitments").column,
        "slides[0].note",
        '"six commitments"',
      ],
    ]);
    expect(found[0].message).toBe(
      "says 7 institutions, but the slide's view shows 5 institutions (and 1 generic mention)",
    );
    expect(found[1].message).toBe("says 6 commitments, but the slide's view shows 5 commitments");
    expect(found[0].expected).toMatch(/\{institutions\}/);
  });

  it("are not reported when they agree with the view, or with the selected institution's commitments", () => {
    const text = story(
      ["network", "?sector=trade", "'Trade: 3 commitments, five institutions'", "Say this."],
      ["network", "?select=min-a", "'The ministry: three commitments'", "Of 5 commitments in all."],
    );
    const result = readStory(text, FILE, "figures", known);
    expect(report(result.problems)).toBe("");
  });

  it("written by a placeholder point at the placeholder when its noun is another one", () => {
    const text = story(["network", "?sector=trade", "'Trade: {commitments} institutions'", "Say this."]);
    const [warning] = warnings(readStory(text, FILE, "figures", known).problems);
    expect([warning.line, warning.column]).toEqual(Object.values(place(text, "{commitments}")));
    expect(warning.message).toMatch(/says 3 institutions, but the slide's view shows 5 institutions/);
  });
});

describe("claims of the most commitments", () => {
  it("are warnings, with the rival, when another institution is named in as many or more", () => {
    // min-a and rival-b: three commitments each (the governments are left aside).
    const text = story(["network", "?select=min-a", "The most bound institution", "Say this."]);
    const [warning] = warnings(readStory(text, FILE, "figures", known).problems);
    expect([warning.line, warning.column, warning.field, warning.value]).toEqual([
      ...Object.values(place(text, "most bound")),
      "slides[0].title",
      '"most bound"',
    ]);
    expect(warning.message).toBe(
      "claims the most commitments for Name of min-a (min-a, named in 3), but Name of rival-b (rival-b) is named in as many in the slide's view",
    );
  });

  it("are not reported when the view bears them out", () => {
    // Trade only: min-a is in c1, c2, c5; rival-b in c5; gov-a (a whole government) in c1.
    const text = story(["network", "?sector=trade&select=min-a", "In more commitments than anyone", "Say this."]);
    expect(report(readStory(text, FILE, "figures", known).problems)).toBe("");
  });

  it("name the leader when the selected institution is beaten", () => {
    const text = story(["network", "?from=2024&select=min-a", "Bound by the most commitments", "Say this."]);
    const [warning] = warnings(readStory(text, FILE, "figures", known).problems);
    expect(warning.message).toMatch(/min-a, named in 1\), but Name of rival-b \(rival-b\) is named in more \(3\)/);
  });
});

describe("selections the slide's own filters exclude", () => {
  it("are warnings on the link, for an institution, a commitment and a timeline window", () => {
    const text = story(
      ["network", "?sector=health&select=min-a", "A slide", "Say this."],
      ["network", "?show=bipartite&status=done&select=commitment:c1", "A slide", "Say this."],
      ["timeline", "?window=2024-01-01..2025-12-31&select=c2", "A slide", "Say this."],
    );
    const found = warnings(readStory(text, FILE, "figures", known).problems);
    expect(found.map((p) => [p.line, p.field, p.value])).toEqual([
      [place(text, "select=min-a").line, "slides[0].link", '"select=min-a"'],
      [place(text, "select=commitment:c1").line, "slides[1].link", '"select=commitment:c1"'],
      [place(text, "select=c2").line, "slides[2].link", '"select=c2"'],
    ]);
    expect(found[0].message).toMatch(
      /selects institution min-a, which no commitment the slide's own filters keep binds/,
    );
    expect(found[2].message).toMatch(/filters and window/);
  });

  it("are not reported when the view shows them", () => {
    const text = story(
      ["network", "?sector=health&select=rival-b", "A slide", "Say this."],
      ["timeline", "?window=2024-01-01..2025-12-31&select=c6", "A slide", "Say this."],
    );
    expect(report(readStory(text, FILE, "figures", known).problems)).toBe("");
  });
});
