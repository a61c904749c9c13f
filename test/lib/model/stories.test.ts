/**
 * Story files (src/lib/model/stories.ts): the sample story is valid against the
 * default records; every kind of mistake is reported with file, line, field
 * and what was expected, all at once; hostile links are refused. Expected
 * lines are found in the test's own text, never taken from the report.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Problem } from "../../../src/lib/model/problems.js";
import { formatProblem } from "../../../src/lib/model/problems.js";
import { checkLink, readStory, type StoryKnown } from "../../../src/lib/model/stories.js";
import { SLIDE_CHART_HEIGHT } from "../../../src/lib/model/story-figures.js";
import { parseViewState, VIEWS } from "../../../src/lib/model/view-state.js";
import { loadDataset } from "../../../src/lib/pipeline/dataset.js";
import { knownFromStores, loadStories } from "../../../src/lib/pipeline/story-files.js";
import { lanesThatFit } from "../../../src/lib/timeline/lanes-in-frame.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const DATA = join(ROOT, "data");
const dataset = loadDataset(DATA);
if (!dataset.columns || !dataset.tables) throw new Error("data/ has errors");
const known: StoryKnown = knownFromStores(dataset.columns);
const FILE = "stories/test.yaml";

/** The 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`no line contains ${needle}`);
  return index + 1;
}

function errors(problems: Problem[]): Problem[] {
  return problems.filter((p) => p.severity === "error");
}

/** The one error at `line` on `field` whose words match. */
function expectError(problems: Problem[], line: number, field: string, words: RegExp): Problem {
  const hits = errors(problems).filter((p) => p.line === line && p.field === field && words.test(formatProblem(p)));
  expect(
    hits,
    `no error at line ${line} on ${field} matching ${words} in:\n${problems.map(formatProblem).join("\n")}`,
  ).toHaveLength(1);
  expect(hits[0].file).toBe(FILE);
  expect(hits[0].expected, "every error says what was expected").toBeTruthy();
  return hits[0];
}

function story(slides: string, head = "title: A story\n"): string {
  return `${head}slides:\n${slides}`;
}

function slide(view: string, link: string, extra = ""): string {
  return `  - view: ${view}\n    link: ${JSON.stringify(link)}\n    title: A slide\n    note: Say this.\n${extra}`;
}

describe("figures in the sample records", () => {
  it("refuse the claim the sample story once made: the President of Belarus is in as many commitments as its Ministry of Industry", () => {
    const text = story(
      '  - view: network\n    link: "?select=by-minprom&zoom=32,38,2"\n    title: Belarus\'s Ministry of Industry is the most bound institution\n    note: >-\n      Named in more commitments than anyone: nine.\n',
    );
    const found = readStory(text, FILE, "test", known).problems;
    expect(found.map((p) => [p.severity, p.line, p.field, p.value])).toEqual([
      ["warning", lineOf(text, "most bound"), "slides[0].title", '"most bound"'],
      ["warning", lineOf(text, "than anyone"), "slides[0].note", '"more commitments than anyone"'],
    ]);
    expect(found[0].message).toMatch(
      /by-minprom, named in 9\), but President of the Republic of Belarus \(by-president\) is named in as many/,
    );
  });

  it("warn of the whole network's counts stated wrongly, and fill them in", () => {
    const text = story(
      '  - view: network\n    link: ""\n    title: Who is bound? 70 institutions, {commitments} commitments\n    note: Say this.\n',
    );
    const result = readStory(text, FILE, "test", known);
    const [warning] = result.problems;
    expect(warning.message).toMatch(/^says 70 institutions, but the slide's view shows \d+ institutions/);
    expect(result.story?.slides[0].title).toMatch(/^Who is bound\? 70 institutions, \d+ commitments$/);
  });

  it("warn of a timeline slide with more sector lanes than a slide holds, and not of one with a few", () => {
    const room = lanesThatFit(SLIDE_CHART_HEIGHT, "slide", { mode: "collapsed" });
    const text = story(slide("timeline", "") + slide("timeline", "?sector=industry&sector=trade"));
    const found = readStory(text, FILE, "test", known).problems;
    const sectors = new Set(dataset.tables?.commitments.map((c) => c.sector)).size;
    expect(sectors).toBeGreaterThan(room);
    expect(found.map((p) => [p.severity, p.field])).toEqual([["warning", "slides[0].link"]]);
    expect(found[0].message).toBe(
      `shows ${sectors} sector lanes, more than the ${room} a slide's timeline holds even collapsed: the slide leaves the smallest lanes out (and says so)`,
    );
  });
});

describe("the sample story", () => {
  const result = loadStories(DATA, known);

  it("is valid against the default records, with no problem at all", () => {
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.stories.map((s) => s.id)).toContain("pakistan-belarus");
  });

  it("has 5 to 8 slides of every view, each with a headline and a note, whose links the pages read without a notice", () => {
    const sample = result.stories.find((s) => s.id === "pakistan-belarus");
    if (!sample) throw new Error("no sample story");
    expect(sample.slides.length).toBeGreaterThanOrEqual(5);
    expect(sample.slides.length).toBeLessThanOrEqual(8);
    expect(new Set(sample.slides.map((s) => s.view))).toEqual(new Set(VIEWS));
    for (const s of sample.slides) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.note.length).toBeGreaterThan(40);
      expect(parseViewState(s.view, s.link, known.values).notices, s.link).toEqual([]);
    }
  });

  it("selects the institution bound by the most commitments, apart from the governments", () => {
    const sample = result.stories.find((s) => s.id === "pakistan-belarus");
    const selected = sample?.slides
      .filter((s) => s.view === "network")
      .map((s) => parseViewState("network", s.link).options.select)
      .find(Boolean);
    const { commitment_parties: parties, institutions } = dataset.tables ?? {
      commitment_parties: [],
      institutions: [],
    };
    const kind = new Map(institutions.map((i) => [i.id, i.type]));
    const counts = new Map<string, number>();
    for (const p of parties) {
      const id = String(p.institution_id);
      if (kind.get(id) === "government" || kind.get(id) === "head_of_state") continue;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const most = Math.max(...counts.values());
    expect(selected).toBeDefined();
    expect(counts.get(selected as string)).toBe(most);
  });
});

describe("readStory", () => {
  it("returns the story with its defaults: light theme, captions on, links trimmed", () => {
    const text = story(
      slide("network", " ?sector=industry ") + slide("timeline", "?sector=trade", "    caption: false\n"),
    );
    const result = readStory(text, FILE, "test", known);
    expect(result.problems).toEqual([]);
    expect(result.story).toEqual({
      id: "test",
      title: "A story",
      description: null,
      theme: "light",
      slides: [
        { view: "network", link: "?sector=industry", title: "A slide", note: "Say this.", caption: true },
        { view: "timeline", link: "?sector=trade", title: "A slide", note: "Say this.", caption: false },
      ],
    });
  });

  it("reads slides of the sector chart and of the scorecards, their filters checked by the same parser", () => {
    const text = story(slide("sectors", "?status=done&from=2020") + slide("scorecards", "?sector=industry"));
    const result = readStory(text, FILE, "test", known);
    expect(result.problems).toEqual([]);
    expect(result.story?.slides.map((s) => [s.view, s.link])).toEqual([
      ["sectors", "?status=done&from=2020"],
      ["scorecards", "?sector=industry"],
    ]);
    const wrong = story(slide("scorecards", "?sector=helth"));
    expectError(
      readStory(wrong, FILE, "test", known).problems,
      lineOf(wrong, "link:"),
      "slides[0].link",
      /"sector=helth" .*unknown sector/,
    );
  });

  it("reports a slide naming an unknown view, with line and field, and still checks its link", () => {
    const text = story(slide("map", "?sector=helth"));
    const result = readStory(text, FILE, "test", known);
    expect(result.story).toBeUndefined();
    expectError(
      result.problems,
      lineOf(text, "view: map"),
      "slides[0].view",
      /"map" .*expected one of: network, timeline, sectors, scorecards/,
    );
    expectError(result.problems, lineOf(text, "link:"), "slides[0].link", /"sector=helth" .*unknown sector/);
  });

  it("reports each link value the page would drop: sector, country, institution, series, status, zoom, window, years", () => {
    const cases: [view: string, link: string, words: RegExp][] = [
      [
        "network",
        "?sector=helth",
        /"sector=helth" would be dropped by the page: unknown sector “helth” — expected a sector id: agriculture/,
      ],
      ["network", "?country=XX", /"country=XX" .*unknown country “XX” — expected a country code: BY, PK/],
      ["timeline", "?institution=nobody", /"institution=nobody" .*unknown institution/],
      ["timeline", "?series=Imaginary+series", /"series=Imaginary series" .*unknown event series/],
      [
        "network",
        "?status=overdue",
        /"status=overdue" .*unknown status .*expected a status: announced, done, dropped, in_progress, stalled/,
      ],
      ["network", "?zoom=1,2", /"zoom=1,2" .*expected x,y,scale/],
      ["network", "?zoom=0,0,500", /"zoom=0,0,500" .*scale from 0.02 to 40/],
      ["timeline", "?window=2025-01-01..2015-01-01", /"window=2025-01-01..2015-01-01" .*two days in order/],
      ["timeline", "?window=2015-02-30..2016-01-01", /"window=2015-02-30..2016-01-01"/],
      ["network", "?from=15", /"from=15" .*expected a year/],
      ["network", "?from=2020&to=2010", /time range 2020–2010: it ends before it starts/],
      ["network", "?show=everything", /"show=everything" .*expected institutions or bipartite/],
    ];
    for (const [view, link, words] of cases) {
      const text = story(slide(view, link));
      const result = readStory(text, FILE, "test", known);
      expect(result.story, link).toBeUndefined();
      expectError(result.problems, lineOf(text, "link:"), "slides[0].link", words);
    }
  });

  it("reports keys that are not part of the view's link, naming the right place for frame options", () => {
    const cases: [view: string, link: string, words: RegExp][] = [
      ["network", "?window=2015-01-01..2016-01-01", /is an option of the timeline view, not of the network view/],
      ["timeline", "?zoom=1,2,3", /is an option of the network view, not of the timeline view/],
      ["sectors", "?select=by-minprom", /is an option of the network and timeline views, not of the sectors view/],
      ["scorecards", "?window=2015-01-01..2016-01-01", /is an option of the timeline view, not of the scorecards view/],
      ["sectors", "?fit=frame", /which \/present chooses for every slide/],
      ["network", "?secter=industry", /is not part of a network link \(did you mean "sector"\?\)/],
      ["network", "?theme=dark", /belongs to the story \(theme:\)/],
      ["timeline", "?caption=off", /belongs to the slide \(caption: false\)/],
      ["network", "?size=degree&size=betweenness", /"size" is given more than once/],
    ];
    for (const [view, link, words] of cases) {
      const text = story(slide(view, link));
      expectError(readStory(text, FILE, "test", known).problems, lineOf(text, "link:"), "slides[0].link", words);
    }
  });

  it("reports a selection that names no record, or a commitment the network would not draw", () => {
    const commitment = String(dataset.tables?.commitments[0].id);
    const sector = String(dataset.tables?.commitments[0].sector);
    const institution = String(dataset.tables?.institutions[0].id);
    const valid = [
      ["network", `?select=${institution}`],
      ["network", `?show=bipartite&select=commitment:${commitment}`],
      // A timeline of its own sector: every sector's lanes would not fit a slide (a warning of its own).
      ["timeline", `?sector=${sector}&select=${commitment}`],
    ];
    for (const [view, link] of valid) {
      expect(readStory(story(slide(view, link)), FILE, "test", known).problems, link).toEqual([]);
    }
    const cases: [view: string, link: string, words: RegExp][] = [
      ["network", "?select=pk-nobody", /selects no institution of the records — expected an institution id/],
      ["network", "?show=bipartite&select=commitment:nothing", /selects no commitment of the records/],
      ["network", `?select=commitment:${commitment}`, /draws only with show=bipartite/],
      ["timeline", `?select=${institution}`, /selects no commitment of the records — expected a commitment id/],
    ];
    for (const [view, link, words] of cases) {
      const text = story(slide(view, link));
      expectError(readStory(text, FILE, "test", known).problems, lineOf(text, "link:"), "slides[0].link", words);
    }
  });

  it("reports a link that is not a query string, and says which part to keep", () => {
    const text = story(
      slide("network", "http://127.0.0.1:3000/network?sector=industry") + slide("network", "sector=industry"),
    );
    const problems = readStory(text, FILE, "test", known).problems;
    expectError(
      problems,
      lineOf(text, "http://"),
      "slides[0].link",
      /keep only the part from "\?" on \("\?sector=industry"\)/,
    );
    expectError(problems, lineOf(text, '"sector=industry"'), "slides[1].link", /is not the query string of a link/);
  });

  it("reports the story's own fields: missing, empty, wrong type, unknown, and a slide list that is empty", () => {
    const text = [
      "title: ''",
      "theme: sepia",
      "colour: red",
      "slides:",
      "  - view: network",
      '    link: ""',
      "    titel: A slide",
      "    caption: no",
      "",
    ].join("\n");
    const problems = readStory(text, FILE, "test", known).problems;
    expectError(problems, 1, "title", /"" is empty — expected the story's title/);
    expectError(problems, 2, "theme", /"sepia" .*expected light or dark/);
    expectError(problems, 3, "colour", /is not a field of a story/);
    expectError(problems, 7, "slides[0].titel", /is not a field of a slide \(did you mean "title"\?\)/);
    expectError(problems, 5, "slides[0].title", /is missing \(required\)/);
    expectError(problems, 5, "slides[0].note", /is missing \(required\)/);
    expectError(problems, 8, "slides[0].caption", /"no" has the wrong type \(a string\) — expected false/);
    expect(errors(problems)).toHaveLength(7);

    const empty = readStory("title: Nothing\nslides: []\n", FILE, "test", known).problems;
    expectError(empty, 2, "slides", /is an empty list/);
  });

  it("reports YAML that does not parse with its line, and a file that is not a mapping", () => {
    const broken = "title: A\nslides:\n  - view: network\n   link: x\n";
    const yaml = readStory(broken, FILE, "test", known).problems;
    expect(yaml).toHaveLength(1);
    expect(yaml[0]).toMatchObject({ severity: "error", file: FILE, line: 4 });
    expect(yaml[0].message).toMatch(/is not valid YAML/);
    const list = readStory("- a\n- b\n", FILE, "test", known).problems;
    expect(list).toEqual([expect.objectContaining({ line: 1, message: "the file does not hold a story" })]);
  });

  it("reports every problem of a file at once, in one pass", () => {
    const text = story(
      slide("network", "?sector=helth&zoom=x") +
        slide("chart", "") +
        slide("timeline", "?select=none&window=2015") +
        '  - view: network\n    link: ""\n',
    );
    const problems = readStory(text, FILE, "test", known).problems;
    const links = text
      .split("\n")
      .map((l, i) => (l.includes("link:") ? i + 1 : 0))
      .filter(Boolean);
    expectError(problems, links[0], "slides[0].link", /unknown sector/);
    expectError(problems, links[0], "slides[0].link", /"zoom=x"/);
    expectError(problems, lineOf(text, "view: chart"), "slides[1].view", /"chart"/);
    expectError(problems, links[2], "slides[2].link", /"window=2015"/);
    expectError(problems, links[2], "slides[2].link", /"select=none" selects no commitment/);
    expect(errors(problems).filter((p) => p.field === "slides[3].title" || p.field === "slides[3].note")).toHaveLength(
      2,
    );
    expect(errors(problems)).toHaveLength(7);
  });

  it("checks links for their form only when the records are not known", () => {
    const text = story(slide("network", "?sector=helth&select=anyone&zoom=1"));
    const problems = readStory(text, FILE, "test").problems;
    expect(errors(problems).map((p) => p.value)).toEqual(['"zoom=1"']);
  });

  it("keeps markup in a title or note as text, with a warning, like the records", () => {
    const text = story('  - view: network\n    link: ""\n    title: <b>Bold</b> claim\n    note: Use &amp; here.\n');
    const result = readStory(text, FILE, "test", known);
    expect(result.story?.slides[0].title).toBe("<b>Bold</b> claim");
    expect(errors(result.problems)).toEqual([]);
    expect(result.problems.map((p) => [p.severity, p.line, p.field])).toEqual([
      ["warning", 5, "slides[0].title"],
      ["warning", 6, "slides[0].note"],
    ]);
  });
});

describe("hostile links", () => {
  const hostile: [view: "network" | "timeline", link: string][] = [
    ["network", "?sector=%3Cscript%3Ealert(1)%3C/script%3E"],
    ["network", "?sector=<script>alert(1)</script>"],
    ["network", "?select=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"],
    ["timeline", "?select=javascript:alert(1)"],
    ["network", "?institution=javascript%3Aalert(1)"],
    ["network", "?title=%3Cscript%3Ealert(1)%3C%2Fscript%3E"],
    ["timeline", "?title=a%00b"],
    ["network", "?zoom=1e309,0,1"],
    ["network", "?onload=alert(1)"],
    ["timeline", `?sector=${"a".repeat(300)}`],
    ["network", `?title=${"x".repeat(121)}`],
    ["network", `?sector=industry${"&x=1".repeat(500)}`],
  ];

  it("rejects each, and the story is not emitted", () => {
    for (const [view, link] of hostile) {
      expect(checkLink(view, link, known).length, link).toBeGreaterThan(0);
      const text = story(slide(view, link));
      const result = readStory(text, FILE, "test", known);
      expect(result.story, link).toBeUndefined();
      expect(
        errors(result.problems).every((p) => p.line === lineOf(text, "link:") && p.field === "slides[0].link"),
      ).toBe(true);
    }
  });

  it("shows what it found shortened and with control characters made visible", () => {
    const [issue] = checkLink("timeline", "?title=a%00b", known);
    expect(issue.value).toBe('"title=a\\u0000b"');
    const long = checkLink("network", `?sector=${"a".repeat(3000)}`, known);
    expect(long).toEqual([expect.objectContaining({ message: "is longer than 2000 characters" })]);
  });

  it("accepts a plain title in the link (the embed's caption title)", () => {
    expect(checkLink("network", "?sector=industry&title=Industry+since+2015", known)).toEqual([]);
  });
});

describe("the sample story file on disk", () => {
  it("is read from data/stories/pakistan-belarus.yaml with the same problems as readStory", () => {
    const path = join(DATA, "stories/pakistan-belarus.yaml");
    const direct = readStory(readFileSync(path, "utf8"), "x", "pakistan-belarus", known);
    expect(direct.problems).toEqual([]);
    expect(direct.story?.slides.length).toBe(loadStories(DATA, known).stories[0].slides.length);
  });
});
