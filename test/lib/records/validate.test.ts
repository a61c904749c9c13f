/**
 * A corpus of bad inputs: one small case per kind of problem, each checking
 * where the problem is reported (file, line, column, field path) and what it
 * says. Each case writes a data folder to a temp dir and loads it the way
 * `npm run validate` does.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Problem } from "../../../src/lib/model/problems.js";
import { type DatasetResult, loadDataset } from "../../../src/lib/pipeline/dataset.js";
import { readCsv } from "../../../src/lib/records/csv-reader.js";
import { readJson, readYaml } from "../../../src/lib/records/document.js";
import { decodeRecordFile } from "../../../src/lib/records/text.js";

const lines = (...ls: string[]) => `${ls.join("\n")}\n`;

const SECTORS = lines(
  "sectors:", //                      1
  "  - id: trade", //                 2
  "    label: Trade", //              3
  '    color: "#e15759"', //          4
  "  - id: energy", //                5
  "    label: Energy", //             6
  '    color: "#f28e2b"', //          7
);

const INSTITUTIONS = lines(
  "institutions:", //                 1
  "  - id: pk-gov", //                2
  "    name: Government of Pakistan", // 3
  "    country: PK", //               4
  "    type: government", //          5
  "  - id: by-gov", //                6
  "    name: Government of Belarus", // 7
  "    country: BY", //               8
  "    type: government", //          9
);

const SOURCES = lines(
  "sources:", //                      1
  "  - id: s1", //                    2
  "    title: Joint statement", //    3
  "    publisher: MFA", //            4
  "    url: https://example.org/a", // 5
);

const EVENT = lines(
  "event:", //                        1
  "  id: e1", //                      2
  "  title: Meeting", //              3
  "  kind: other", //                 4
  "  start_date: 2025-02-10", //      5
  "  source_ids: [s1]", //            6
  "commitments:", //                  7
  "  - id: c1", //                    8
  "    sector: trade", //             9
  "    summary: Do things.", //       10
  "    action: agreed", //            11
  "    strength: firm", //            12
  "    source_id: s1", //             13
  "    confidence: high", //          14
  "    parties: [pk-gov, by-gov]", // 15
  "status_updates:", //               16
  "  - id: u1", //                    17
  "    commitment_id: c1", //         18
  "    date: 2025-03", //             19
  "    status: in_progress", //       20
  "    summary: Started.", //         21
  "    source_id: s1", //             22
  "    confidence: high", //          23
);

type Files = Record<string, string | Uint8Array>;
const BASE: Files = {
  "sectors.yaml": SECTORS,
  "institutions.yaml": INSTITUTIONS,
  "sources.yaml": SOURCES,
  "events/e1.yaml": EVENT,
};

/** Replaces exactly one occurrence of `from`, so a case never silently edits nothing. */
function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" is not in the text exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Loaded {
  dir: string;
  result: DatasetResult;
  /** Every problem, with `file` relative to the data folder. */
  problems: Problem[];
  errors: Problem[];
  warnings: Problem[];
}

/** Writes a data folder (BASE with `changes` applied; `null` removes a file) and loads it. */
function load(changes: Record<string, string | Uint8Array | null> = {}): Loaded {
  const dir = mkdtempSync(join(tmpdir(), "accord-validate-"));
  dirs.push(dir);
  const files: Files = { ...BASE };
  for (const [name, content] of Object.entries(changes)) {
    if (content === null) delete files[name];
    else files[name] = content;
  }
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  const result = loadDataset(dir);
  const problems = result.problems.map((p) => ({
    ...p,
    file: p.file.startsWith(`${dir}/`) ? p.file.slice(dir.length + 1) : p.file,
  }));
  return {
    dir,
    result,
    problems,
    errors: problems.filter((p) => p.severity === "error"),
    warnings: problems.filter((p) => p.severity === "warning"),
  };
}

/** Loads the folder and expects exactly one problem, which it returns. */
function onlyProblem(changes: Record<string, string | Uint8Array | null>): Problem {
  const { problems } = load(changes);
  expect(problems).toHaveLength(1);
  return problems[0];
}

describe("the base data folder of these cases", () => {
  it("is valid and has no warnings", () => {
    const { problems, result } = load();
    expect(problems).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.tables?.commitments).toHaveLength(1);
  });
});

describe("malformed files", () => {
  it("reports malformed YAML with its line and column", () => {
    const p = onlyProblem({ "events/e1.yaml": edit(EVENT, "title: Meeting", "title: Meeting: again") });
    expect(p).toMatchObject({ severity: "error", file: "events/e1.yaml", line: 3, column: 10 });
    expect(p.message).toMatch(/^is not valid YAML: Nested mappings are not allowed/);
  });

  it("reports a tab used as YAML indentation on its line", () => {
    const { problems } = load({ "events/e1.yaml": edit(EVENT, "    sector: trade", "\tsector: trade") });
    expect(problems[0]).toMatchObject({ severity: "error", file: "events/e1.yaml", line: 9, column: 1 });
    expect(problems[0].message).toContain("Tabs are not allowed as indentation");
    // The parser adds follow-on errors for the lines after it; all are YAML errors.
    for (const p of problems)
      expect(p).toMatchObject({ file: "events/e1.yaml", message: expect.stringMatching(/^is not valid YAML/) });
  });

  it("reports a YAML key written twice", () => {
    const p = onlyProblem({
      "events/e1.yaml": edit(EVENT, "  title: Meeting\n", "  title: Meeting\n  title: Again\n"),
    });
    expect(p).toMatchObject({ file: "events/e1.yaml", line: 4, column: 3 });
    expect(p.message).toContain("Map keys must be unique");
  });

  it("reports an unclosed CSV quote on the line where its record starts", () => {
    const csv = lines(
      "id,label,color,description", //                          1
      'energy2,Energy 2,#000000,"a description', //             2
      'that spans two lines"', //                               3
      'mining,"Mining,#111111,never closed', //                  4  <- the record that breaks
      "water,Water,#222222,", //                                 5
    );
    const p = onlyProblem({ "sectors.csv": csv });
    expect(p).toMatchObject({ severity: "error", file: "sectors.csv", line: 4 });
    expect(p.message).toMatch(/^is not valid CSV/);
    expect(p.expected).toContain("closed with a matching double quote");
  });

  it("reports a CSV row with the wrong number of fields on its line", () => {
    const csv = lines(
      "id,label,color", //                     1
      "mining,Mining,#111111", //              2
      "", //                                   3  (blank lines are skipped)
      "water,Water,#222222,extra", //          4
      "farming,Farming", //                    5
    );
    const { problems } = load({ "sectors.csv": csv });
    expect(problems).toEqual([
      expect.objectContaining({
        file: "sectors.csv",
        line: 4,
        field: "row 2",
        message: "has 4 fields but the header has 3",
      }),
      expect.objectContaining({
        file: "sectors.csv",
        line: 5,
        field: "row 3",
        message: "has 2 fields but the header has 3",
      }),
    ]);
  });

  it("reports malformed JSON (a trailing comma) with its line and column", () => {
    const json = lines(
      "{", //                                                                               1
      '  "institutions": [', //                                                             2
      '    {"id": "by-mtz", "name": "MTZ", "country": "BY", "type": "state_company",},', //  3
      "  ]", //                                                                             4
      "}", //                                                                               5
    );
    const p = onlyProblem({ "institutions.json": json });
    // Column 78 is the `}` after the trailing comma.
    expect(p).toMatchObject({ severity: "error", file: "institutions.json", line: 3, column: 78 });
    expect(p.message).toMatch(/^is not valid JSON: /);
    expect(p.message).not.toMatch(/position/);
  });

  it("reads a valid JSON registry and locates its fields", () => {
    const json = lines(
      "{", //                                                                          1
      '  "institutions": [', //                                                        2
      '    {"id": "by-mtz", "name": "MTZ", "country": "XX", "type": "state_company"}', // 3
      "  ]", //                                                                        4
      "}", //                                                                          5
    );
    const p = onlyProblem({ "institutions.json": json });
    expect(p).toMatchObject({
      file: "institutions.json",
      line: 3,
      column: 48,
      field: "institutions[0].country",
      value: '"XX"',
    });
    expect(p.message).toBe("is not an ISO 3166-1 alpha-2 country code");
  });

  it("refuses a JSON object with a key written twice (JSON.parse would keep the last)", () => {
    const json = lines('{"institutions": [', '  {"id": "by-mtz", "id": "by-mtz2"}', "]}");
    const p = onlyProblem({ "institutions.json": json });
    expect(p).toMatchObject({ file: "institutions.json", line: 2, column: 20 });
    expect(p.message).toContain("Map keys must be unique");
  });

  it("reports an empty file", () => {
    const p = onlyProblem({ "sectors.csv": "" });
    expect(p).toMatchObject({ severity: "error", file: "sectors.csv", line: 1, message: "the file is empty" });
  });

  it("reports a file of only whitespace as empty", () => {
    const p = onlyProblem({ "events/e2.yaml": " \n\n\t\n  " });
    expect(p).toMatchObject({ severity: "error", file: "events/e2.yaml", line: 1, message: "the file is empty" });
  });

  it("reports invalid UTF-8 with the line and byte where it is", () => {
    const bytes = Buffer.concat([
      Buffer.from("institutions:\n  - id: pk-mofa\n    name: Minist"),
      Buffer.from([0xff]), // never valid in UTF-8
      Buffer.from("ry\n    country: PK\n    type: ministry\n"),
    ]);
    const p = onlyProblem({ "more-institutions.yaml": bytes });
    expect(p).toMatchObject({
      severity: "error",
      file: "more-institutions.yaml",
      line: 3,
      message: `is not UTF-8: byte 0xFF at line 3 looks like Latin-1 / Windows-1252 ("ÿ"); re-save the file as UTF-8 (in Excel: Save As › CSV UTF-8; in an editor: Save with encoding › UTF-8)`,
    });
  });

  it("reports a Latin-1 file as not UTF-8 on the line of its first accented letter", () => {
    const latin1 = Buffer.from("sectors:\n  - id: sant\xe9\n    label: Sant\xe9\n", "latin1");
    const p = onlyProblem({ "more-sectors.yaml": latin1 });
    expect(p).toMatchObject({ severity: "error", file: "more-sectors.yaml", line: 2, column: 13 });
    expect(p.message).toMatch(/^is not UTF-8: byte 0xE9 at line 2 looks like Latin-1 \/ Windows-1252 \("é"\); re-save/);
  });

  it("accepts a UTF-8 byte-order mark at the start of a YAML or CSV file", () => {
    const bom = "\ufeff";
    const { problems, result } = load({
      "institutions.yaml": bom + INSTITUTIONS,
      "sectors.csv": `${bom}id,label,color\nmining,Mining,#111111\n`,
    });
    expect(problems).toEqual([]);
    expect(result.tables?.sectors.map((s) => s.id)).toEqual(["energy", "mining", "trade"]);
    expect(decodeRecordFile(Buffer.from(`${bom}a: 1\n`), "f.yaml").text).toBe("a: 1\n");
  });

  it("accepts CRLF line ends and still counts lines right", () => {
    const crlf = (s: string) => s.replace(/\n/g, "\r\n");
    const { problems } = load({
      "events/e1.yaml": crlf(edit(EVENT, "  start_date: 2025-02-10", "  start_date: 2025-02-30")),
      "sectors.csv": crlf(
        lines("id,label,color,description", "a,A,#000000,", 'b,B,#000000,"two\nlines"', "c,C,#000000,", "d,D,red,"),
      ),
    });
    expect(problems).toEqual([
      expect.objectContaining({
        file: "events/e1.yaml",
        line: 5,
        column: 15,
        field: "event.start_date",
        message: "is not a real calendar date",
      }),
      expect.objectContaining({ file: "sectors.csv", line: 6, column: 3, field: "row 4.color", value: '"red"' }),
    ]);
  });
});

describe("fields", () => {
  it("reports a missing required field at the record", () => {
    const p = onlyProblem({ "events/e1.yaml": edit(EVENT, "    summary: Do things.\n", "") });
    expect(p).toMatchObject({
      severity: "error",
      file: "events/e1.yaml",
      line: 8,
      column: 5,
      field: "commitments[0].summary",
      message: "is missing (required)",
      expected: "text, at most 4000 characters",
    });
    expect(p.value).toBeUndefined();
  });

  it("treats a field left empty (null) as missing", () => {
    const p = onlyProblem({ "events/e1.yaml": edit(EVENT, "    summary: Do things.", "    summary:") });
    expect(p).toMatchObject({ field: "commitments[0].summary", message: "is missing (required)" });
  });

  it("reports a missing required CSV cell", () => {
    const p = onlyProblem({ "sectors.csv": lines("id,label,color", "mining,,#111111") });
    expect(p).toMatchObject({
      file: "sectors.csv",
      line: 2,
      column: 2,
      field: "row 1.label",
      message: "is missing (required)",
    });
  });

  it("reports a number where text is expected", () => {
    const p = onlyProblem({ "events/e1.yaml": edit(EVENT, "  title: Meeting", "  title: 42") });
    expect(p).toMatchObject({
      file: "events/e1.yaml",
      line: 3,
      column: 10,
      field: "event.title",
      value: "42",
      message: "has the wrong type (a number)",
      expected: "text on one line, at most 300 characters",
    });
  });

  it("reports a list where text is expected", () => {
    const p = onlyProblem({ "events/e1.yaml": edit(EVENT, "  title: Meeting", "  title: [Meeting, Session]") });
    expect(p).toMatchObject({
      file: "events/e1.yaml",
      line: 3,
      column: 10,
      field: "event.title",
      value: '["Meeting","Session"]',
      message: "has the wrong type (a list)",
    });
  });

  it("accepts a sector's keywords as a list and refuses one written as a mapping", () => {
    const withKeywords = edit(
      SECTORS,
      "    label: Trade",
      "    label: Trade\n    keywords: [trade, export, investment]",
    );
    const { problems, result } = load({ "sectors.yaml": withKeywords });
    expect(problems).toEqual([]);
    expect(result.tables?.sectors.find((s) => s.id === "trade")?.keywords).toEqual(["trade", "export", "investment"]);
    const p = onlyProblem({
      "sectors.yaml": edit(SECTORS, "    label: Trade", "    label: Trade\n    keywords: {a: trade}"),
    });
    expect(p).toMatchObject({ file: "sectors.yaml", line: 4, field: "sectors[0].keywords" });
  });

  it("reports a value outside an enum with the allowed values", () => {
    const p = onlyProblem({ "events/e1.yaml": edit(EVENT, "    action: agreed", "    action: promised") });
    expect(p).toMatchObject({
      line: 11,
      column: 13,
      field: "commitments[0].action",
      message: "is not an allowed value",
    });
    expect(p.expected).toMatch(/^one of: agreed, committed, signed/);
  });

  it("reports an unknown field (a typo) as one problem that names the required field it hides", () => {
    const { problems } = load({ "events/e1.yaml": edit(EVENT, "    summary: Do things.", "    sumary: Do things.") });
    expect(problems).toEqual([
      expect.objectContaining({
        line: 10,
        column: 13,
        field: "commitments[0].sumary",
        message: 'is not a field of commitments (did you mean "summary", which is required and missing?)',
      }),
    ]);
    expect(problems[0].expected).toContain("summary");
  });

  it("still reports a required field missing when the typo is of another field", () => {
    const { problems } = load({
      "events/e1.yaml": edit(
        EVENT,
        "    summary: Do things.\n    action: agreed",
        "    action: agreed\n    strenght: firm",
      ),
    });
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ["commitments[0].summary", "is missing (required)"],
      ["commitments[0].strenght", 'is not a field of commitments (did you mean "strength"?)'],
    ]);
  });

  it("reports an oversized summary (over 4000 characters)", () => {
    const long = "x".repeat(4001);
    const p = onlyProblem({ "events/e1.yaml": edit(EVENT, "summary: Do things.", `summary: ${long}`) });
    expect(p).toMatchObject({
      line: 10,
      column: 14,
      field: "commitments[0].summary",
      message: "is too long (at most 4000 characters)",
    });
    expect(p.value).toMatch(/… \(4003 characters\)$/);
    expect(p.value?.length).toBeLessThan(120);
  });

  it("accepts a summary of exactly 4000 characters", () => {
    const { problems } = load({ "events/e1.yaml": edit(EVENT, "summary: Do things.", `summary: ${"x".repeat(4000)}`) });
    expect(problems).toEqual([]);
  });

  it("reports an oversized name (over 300 characters)", () => {
    const p = onlyProblem({
      "institutions.yaml": edit(INSTITUTIONS, "name: Government of Pakistan", `name: ${"n".repeat(301)}`),
    });
    expect(p).toMatchObject({
      file: "institutions.yaml",
      line: 3,
      column: 11,
      field: "institutions[0].name",
      message: "is too long (at most 300 characters)",
    });
  });

  it("refuses a control character (BEL) in a name and shows it escaped", () => {
    const p = onlyProblem({
      "institutions.yaml": edit(INSTITUTIONS, "name: Government of Pakistan", 'name: "Government\\a of Pakistan"'),
    });
    expect(p).toMatchObject({
      file: "institutions.yaml",
      line: 3,
      column: 11,
      field: "institutions[0].name",
      value: '"Government\\u0007 of Pakistan"',
      message: "contains a control character (U+0007 at character 11)",
    });
  });

  it("refuses a bidirectional override (U+202E) and never echoes it raw", () => {
    const p = onlyProblem({
      "institutions.yaml": edit(INSTITUTIONS, "name: Government of Pakistan", "name: Government \u202eof Pakistan"),
    });
    expect(p).toMatchObject({
      field: "institutions[0].name",
      line: 3,
      message: "contains a control character (U+202E at character 12)",
      value: '"Government \\u202eof Pakistan"',
    });
    expect(p.value).not.toContain("\u202e");
  });

  it("allows line breaks in long text but not in one-line text", () => {
    const ok = load({
      "events/e1.yaml": edit(EVENT, "    summary: Do things.", "    summary: |\n      Do things,\n      then more."),
    });
    expect(ok.problems).toEqual([]);
    const p = onlyProblem({ "events/e1.yaml": edit(EVENT, "  title: Meeting", '  title: "Meeting\\nSession"') });
    expect(p).toMatchObject({ field: "event.title", message: "contains a control character (U+000A at character 8)" });
  });

  it("accepts markup in a text field with a warning, and keeps it verbatim", () => {
    const title = "Joint statement <script>alert(1)</script> &amp; <b>more</b>";
    const { problems, result } = load({ "sources.yaml": edit(SOURCES, "title: Joint statement", `title: ${title}`) });
    expect(problems).toEqual([
      {
        severity: "warning",
        file: "sources.yaml",
        line: 3,
        column: 12,
        field: "sources[0].title",
        message: "contains markup; it is kept as text and shown as typed, never as HTML",
      },
    ]);
    expect(result.errors).toBe(0);
    expect(result.tables?.sources[0].title).toBe(title);
  });
});

describe("URLs", () => {
  it.each([
    ["javascript:alert(1)", "javascript:"],
    ['"data:text/html,<script>alert(1)</script>"', "data:"],
    ["ftp://example.org/a", "ftp:"],
    ["file:///etc/passwd", "file:"],
  ])("refuses %s", (url, scheme) => {
    const p = onlyProblem({ "sources.yaml": edit(SOURCES, "url: https://example.org/a", `url: ${url}`) });
    expect(p).toMatchObject({
      severity: "error",
      file: "sources.yaml",
      line: 5,
      column: 10,
      field: "sources[0].url",
      message: `uses the ${scheme} scheme; only http and https are allowed`,
      expected: "an absolute http:// or https:// URL",
    });
  });

  it("refuses a relative URL and a URL with spaces", () => {
    expect(onlyProblem({ "sources.yaml": edit(SOURCES, "url: https://example.org/a", "url: /press/1") }).message).toBe(
      "is not a URL",
    );
    expect(
      onlyProblem({ "sources.yaml": edit(SOURCES, "url: https://example.org/a", 'url: "https://example.org/a b"') })
        .message,
    ).toBe("contains spaces or control characters");
  });
});

describe("references", () => {
  it("reports an unknown sector, suggesting a close one", () => {
    const p = onlyProblem({ "events/e1.yaml": edit(EVENT, "sector: trade", "sector: trad") });
    expect(p).toMatchObject({
      file: "events/e1.yaml",
      line: 9,
      column: 13,
      field: "commitments[0].sector",
      value: '"trad"',
      message: 'is not a known sector (did you mean "trade"?)',
      expected: "the id of a record in sectors",
    });
  });

  it("reports an unknown sector with no suggestion when none is close", () => {
    const p = onlyProblem({ "events/e1.yaml": edit(EVENT, "sector: trade", "sector: health") });
    expect(p).toMatchObject({ line: 9, field: "commitments[0].sector", message: "is not a known sector" });
  });

  it("reports an unknown institution among a commitment's inline parties", () => {
    const p = onlyProblem({ "events/e1.yaml": edit(EVENT, "parties: [pk-gov, by-gov]", "parties: [pk-gov, by-mtz]") });
    expect(p).toMatchObject({
      file: "events/e1.yaml",
      line: 15,
      column: 23,
      field: "commitments[0].parties[1].institution",
      value: '"by-mtz"',
      message: "is not a known institution",
    });
  });

  it("reports an unknown institution in a commitments.csv parties cell (by column) and in commitment_parties.csv", () => {
    const { problems } = load({
      "commitments.csv": lines(
        "id,event_id,sector,summary,action,strength,source_id,confidence,parties",
        "c2,e1,trade,More.,agreed,firm,s1,high,pk-gov;nobody:lead",
      ),
      "commitment_parties.csv": lines("commitment_id,institution_id,role", "c1,somebody,"),
    });
    expect(problems).toEqual([
      expect.objectContaining({
        file: "commitment_parties.csv",
        line: 2,
        column: 2,
        field: "row 1.institution_id",
        value: '"somebody"',
      }),
      expect.objectContaining({
        file: "commitments.csv",
        line: 2,
        column: 9,
        field: "row 1.parties[1].institution",
        value: '"nobody"',
      }),
    ]);
    for (const p of problems) expect(p.message).toMatch(/^is not a known institution/);
  });

  it("reports an unknown event reference", () => {
    const p = onlyProblem({
      "events/e1.yaml": edit(
        EVENT,
        "    confidence: high\n    parties",
        "    confidence: high\n    target_event_id: e9\n    parties",
      ),
    });
    expect(p).toMatchObject({
      line: 15,
      column: 22,
      field: "commitments[0].target_event_id",
      value: '"e9"',
      message: 'is not a known event (did you mean "e1"?)',
    });
  });

  it("reports an unknown event in a CSV commitment", () => {
    const p = onlyProblem({
      "commitments.csv": lines(
        "id,event_id,sector,summary,action,strength,source_id,confidence,parties",
        "c2,jmc-99,trade,More.,agreed,firm,s1,high,pk-gov",
      ),
    });
    expect(p).toMatchObject({
      file: "commitments.csv",
      line: 2,
      column: 2,
      field: "row 1.event_id",
      message: "is not a known event",
    });
  });

  it("reports an unknown source reference, in a single ref and in a list", () => {
    const { problems } = load({
      "events/e1.yaml": edit(
        edit(
          EVENT,
          "    source_id: s1\n    confidence: high\n    parties",
          "    source_id: s2\n    confidence: high\n    parties",
        ),
        "source_ids: [s1]",
        "source_ids: [s1, press]",
      ),
    });
    expect(problems).toEqual([
      expect.objectContaining({
        line: 6,
        column: 15,
        field: "event.source_ids[1]",
        value: '"press"',
        message: "is not a known source",
      }),
      expect.objectContaining({
        line: 13,
        column: 16,
        field: "commitments[0].source_id",
        value: '"s2"',
        message: 'is not a known source (did you mean "s1"?)',
      }),
    ]);
  });

  it("does not report references to a record that exists but is itself invalid", () => {
    // The sector is invalid (bad colour); commitments that use it get no second error.
    const p = onlyProblem({ "sectors.yaml": edit(SECTORS, 'color: "#e15759"', "color: red") });
    expect(p).toMatchObject({ file: "sectors.yaml", line: 4, field: "sectors[0].color" });
  });
});

describe("duplicates", () => {
  it("reports a duplicate id in one file, naming both locations", () => {
    const { problems, dir } = load({ "sources.yaml": SOURCES + SOURCES.replace("sources:\n", "") });
    expect(problems).toEqual([
      expect.objectContaining({
        file: "sources.yaml",
        line: 6,
        column: 9,
        field: "sources[1].id",
        value: '"s1"',
        message: `is a duplicate: already used at ${join(dir, "sources.yaml")}:2:9`,
        expected: "a unique id in sources",
      }),
    ]);
  });

  it("reports a duplicate id across files and formats, naming both locations", () => {
    const { problems, dir } = load({
      "sectors.csv": lines("id,label,color", "mining,Mining,#111111", "energy,Energy,#f28e2b"),
    });
    // sectors.csv is read before sectors.yaml, so the YAML record is the duplicate.
    expect(problems).toEqual([
      expect.objectContaining({
        file: "sectors.yaml",
        line: 5,
        column: 9,
        field: "sectors[1].id",
        message: `is a duplicate: already used at ${join(dir, "sectors.csv")}:3:1`,
      }),
    ]);
  });

  it("reports a party listed twice under its composite key", () => {
    const p = onlyProblem({
      "events/e1.yaml": edit(EVENT, "parties: [pk-gov, by-gov]", "parties: [pk-gov, by-gov, pk-gov]"),
    });
    expect(p).toMatchObject({
      line: 15,
      column: 31,
      field: "commitments[0].parties[2].commitment_id+institution_id",
      value: '"c1 / pk-gov"',
    });
    expect(p.message).toMatch(/^is a duplicate: already used at .*e1\.yaml:15:15$/);
  });
});

describe("dates", () => {
  it("reports an impossible date", () => {
    const p = onlyProblem({ "events/e1.yaml": edit(EVENT, "start_date: 2025-02-10", "start_date: 2025-02-30") });
    expect(p).toMatchObject({
      line: 5,
      column: 15,
      field: "event.start_date",
      value: '"2025-02-30"',
      message: "is not a real calendar date",
      expected: "a date written YYYY, YYYY-MM or YYYY-MM-DD (for example 2026, 2025-02 or 2025-02-10)",
    });
  });

  it("reports a malformed date", () => {
    const p = onlyProblem({ "events/e1.yaml": edit(EVENT, "date: 2025-03", "date: 03/2025") });
    expect(p).toMatchObject({
      line: 19,
      column: 11,
      field: "status_updates[0].date",
      value: '"03/2025"',
      message: "is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD",
    });
  });

  it("reports an end date before the start date", () => {
    const p = onlyProblem({
      "events/e1.yaml": edit(EVENT, "  source_ids: [s1]\n", "  source_ids: [s1]\n  end_date: 2025-02-09\n"),
    });
    expect(p).toMatchObject({
      line: 7,
      column: 13,
      field: "event.end_date",
      value: '"2025-02-09"',
      message: "is before the start date (2025-02-10)",
    });
  });

  it("accepts a month-precise end date in the start date's month", () => {
    const { problems } = load({
      "events/e1.yaml": edit(EVENT, "  source_ids: [s1]\n", "  source_ids: [s1]\n  end_date: 2025-02\n"),
    });
    expect(problems).toEqual([]);
  });

  it("reports a status update dated before its commitment (dated by its event)", () => {
    const p = onlyProblem({ "events/e1.yaml": edit(EVENT, "date: 2025-03", "date: 2025-01") });
    expect(p).toMatchObject({
      line: 19,
      column: 11,
      field: "status_updates[0].date",
      value: '"2025-01"',
      message: "is before the commitment it updates was made (2025-02-10)",
    });
  });

  it("accepts a month-precise update in the month its commitment was made", () => {
    const { problems } = load({ "events/e1.yaml": edit(EVENT, "date: 2025-03", "date: 2025-02") });
    expect(problems).toEqual([]);
  });

  it("reports a CSV status update with neither a date nor an event", () => {
    const p = onlyProblem({
      "status_updates.csv": lines(
        "id,commitment_id,status,summary,source_id,confidence",
        "u2,c1,done,Finished.,s1,high",
      ),
    });
    expect(p).toMatchObject({
      file: "status_updates.csv",
      line: 2,
      field: "row 1.date",
      message: "is missing, and there is no event to take it from",
    });
  });
});

describe("CSV files", () => {
  it("reports an unknown column by its number", () => {
    const { problems } = load({ "sectors.csv": lines("id,label,colour", "mining,Mining,#111111") });
    expect(problems).toEqual([
      expect.objectContaining({
        file: "sectors.csv",
        line: 1,
        column: 3,
        field: "colour",
        message: "is not a column of sectors",
      }),
      expect.objectContaining({
        file: "sectors.csv",
        line: 1,
        field: "color",
        message: "required column is missing from the header",
      }),
    ]);
  });

  it("reports a missing required column", () => {
    const p = onlyProblem({ "sectors.csv": lines("id,label", "mining,Mining") });
    expect(p).toMatchObject({
      severity: "error",
      file: "sectors.csv",
      line: 1,
      field: "color",
      message: "required column is missing from the header",
    });
    expect(p.expected).toContain("#rrggbb");
  });

  it("reports a column written twice", () => {
    const p = onlyProblem({ "sectors.csv": lines("id,label,color,label", "mining,Mining,#111111,Mines") });
    expect(p).toMatchObject({
      line: 1,
      column: 4,
      field: "label",
      message: "appears twice in the header (also column 2)",
    });
  });

  it("reports a CSV whose name is no table", () => {
    const p = onlyProblem({ "sector.csv": lines("id,label,color", "mining,Mining,#111111") });
    expect(p).toMatchObject({
      severity: "error",
      file: "sector.csv",
      message: 'the file name does not name a table ("sector")',
    });
    expect(p.expected).toContain("sectors.csv");
  });

  it("reads a table split over several files (sectors.part-2.csv)", () => {
    const { problems, result } = load({ "sectors.part-2.csv": lines("id,label,color", "mining,Mining,#111111") });
    expect(problems).toEqual([]);
    expect(result.read.sectors).toBe(3);
  });

  it("reports the physical line of a bad row in a 2,000-row CSV with multi-line fields", () => {
    const rows = ["id,label,color,description"];
    for (let i = 1; i <= 2000; i++) {
      if (i === 5) rows.push(`s${i},S${i},#000000,"first line\nsecond line, with a comma\nthird line"`);
      else if (i === 1234) rows.push(`s${i},S${i},#00000g,`);
      else rows.push(`s${i},S${i},#000000,`);
    }
    const p = onlyProblem({ "sectors.csv": lines(...rows) });
    // Row 1,234 is on line 1,237: one header line, and row 5 spans three lines.
    expect(p).toMatchObject({
      file: "sectors.csv",
      line: 1237,
      column: 3,
      field: "row 1234.color",
      value: '"#00000g"',
      message: "is not a colour written #rrggbb",
    });
  });

  it("reports the physical line of every record after multi-line fields and blank lines (reader)", () => {
    const csv = lines("id,label,color", '"a","A\n\nA",#000000', "", "b,B,#000000", 'c,"C\nC",#000000', "d,D,#000000");
    const { records, problems } = readCsv(csv, "sectors.csv");
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.path, r.loc.line])).toEqual([
      ["row 1", 2],
      ["row 2", 6],
      ["row 3", 7],
      ["row 4", 9],
    ]);
  });
});

describe("YAML document structure", () => {
  it("reports an unknown top-level key", () => {
    const p = onlyProblem({ "events/e1.yaml": `${EVENT}comitments: []\n` });
    expect(p).toMatchObject({
      file: "events/e1.yaml",
      line: 24,
      column: 1,
      field: "comitments",
      message: "is not a table this file can hold",
    });
    expect(p.expected).toContain("commitments");
  });

  it("reports top-level keys and CSV names that are Object.prototype properties, without crashing", () => {
    const { problems } = load({
      "extra.yaml": lines("toString:", "  - id: a", "__proto__:", "  - id: b"),
      "constructor.csv": lines("id", "a"),
    });
    expect(problems).toEqual([
      expect.objectContaining({
        file: "constructor.csv",
        message: 'the file name does not name a table ("constructor")',
      }),
      expect.objectContaining({
        file: "extra.yaml",
        line: 1,
        column: 1,
        field: "toString",
        message: "is not a table this file can hold",
      }),
      expect.objectContaining({
        file: "extra.yaml",
        line: 3,
        column: 1,
        field: "__proto__",
        message: "is not a table this file can hold",
      }),
    ]);
  });

  it("reports a field named __proto__ instead of reading the record from it", () => {
    const { errors, result } = load({
      "sectors.yaml": `${SECTORS}  - __proto__: {id: mining, label: Mining, color: "#111111"}\n`,
    });
    expect(errors.map((p) => [p.line, p.column, p.field, p.message])).toEqual([
      [8, 5, "sectors[2].id", "is missing (required)"],
      [8, 5, "sectors[2].label", "is missing (required)"],
      [8, 5, "sectors[2].color", "is missing (required)"],
      [8, 16, "sectors[2].__proto__", "is not a field of sectors"],
    ]);
    expect(result.tables).toBeUndefined();
  });

  it("refuses commitment_id inside a commitment's inline parties", () => {
    const p = onlyProblem({
      "events/e1.yaml": edit(
        EVENT,
        "    parties: [pk-gov, by-gov]",
        "    parties:\n      - pk-gov\n      - institution: by-gov\n        commitment_id: c1",
      ),
    });
    expect(p).toMatchObject({
      file: "events/e1.yaml",
      line: 18,
      column: 24,
      field: "commitments[0].parties[1].commitment_id",
      message: "is implied by the enclosing commitment",
    });
  });

  it("reads parties written as {institution, role, note}", () => {
    const { problems, result } = load({
      "events/e1.yaml": edit(
        EVENT,
        "    parties: [pk-gov, by-gov]",
        "    parties:\n      - pk-gov\n      - institution: by-gov\n        role: host\n        note: Hosted it.",
      ),
    });
    expect(problems).toEqual([]);
    expect(result.tables?.commitment_parties).toEqual([
      {
        commitment_id: "c1",
        institution_id: "by-gov",
        role: "host",
        note: "Hosted it.",
        commitment_key: 1,
        institution_key: 1,
      },
      {
        commitment_id: "c1",
        institution_id: "pk-gov",
        role: "party",
        note: null,
        commitment_key: 1,
        institution_key: 2,
      },
    ]);
  });

  it("reports an event_id that contradicts the file's event", () => {
    const { problems } = load({
      "events/e1.yaml": edit(EVENT, "    sector: trade", "    event_id: e2\n    sector: trade"),
    });
    expect(problems[0]).toMatchObject({
      file: "events/e1.yaml",
      line: 9,
      column: 15,
      field: "commitments[0].event_id",
      value: '"e2"',
      message: "differs from the file's event (e1)",
    });
    // e2 does not exist either, which is reported as well.
    expect(problems.slice(1)).toEqual([
      expect.objectContaining({ line: 9, message: 'is not a known event (did you mean "e1"?)' }),
    ]);
  });

  it("accepts an event_id equal to the file's event", () => {
    const { problems } = load({
      "events/e1.yaml": edit(EVENT, "    sector: trade", "    event_id: e1\n    sector: trade"),
    });
    expect(problems).toEqual([]);
  });

  it("reports a table that is not a list and an item that is not a record", () => {
    expect(readYaml("sectors: 3\n", "s.yaml").problems).toEqual([
      expect.objectContaining({ line: 1, column: 10, field: "sectors", message: "is not a list" }),
    ]);
    expect(readYaml("sectors:\n  - energy\n", "s.yaml").problems).toEqual([
      expect.objectContaining({
        line: 2,
        column: 5,
        field: "sectors[0]",
        value: '"energy"',
        message: "is not a record",
      }),
    ]);
    expect(readJson("[1, 2]", "s.json").problems).toEqual([
      expect.objectContaining({ line: 1, column: 1, message: "the file does not hold a mapping of tables" }),
    ]);
  });
});

describe("every problem at once", () => {
  it("reports five different errors in one file as five problems", () => {
    let text = EVENT;
    text = edit(text, "kind: other", "kind: summit"); //                 line 4
    text = edit(text, "start_date: 2025-02-10", "start_date: 2025-13"); // line 5
    text = edit(text, "sector: trade", "sector: health"); //              line 9
    text = edit(text, "[pk-gov, by-gov]", "[pk-gov, nobody]"); //         line 15
    text = edit(text, "status: in_progress", "status: finished"); //      line 20
    const { errors, warnings } = load({ "events/e1.yaml": text });
    expect(warnings).toEqual([]);
    const byLine = [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    expect(byLine.map((p) => [p.line, p.field, p.message])).toEqual([
      [4, "event.kind", "is not an allowed value"],
      [5, "event.start_date", "is not a real calendar date"],
      [9, "commitments[0].sector", "is not a known sector"],
      [15, "commitments[0].parties[1].institution", "is not a known institution"],
      [20, "status_updates[0].status", "is not an allowed value"],
    ]);
  });

  it("reports errors from every file of the folder together", () => {
    const { errors, result } = load({
      "sources.yaml": edit(SOURCES, "url: https://example.org/a", "url: javascript:void(0)"),
      "sectors.csv": lines("id,label,color", "mining,Mining,#11111"),
      "institutions.json": '{"institutions": [\n  {"id": "x"},\n]}\n', // trailing comma: error at the `]` on line 3
      "events/e1.yaml": edit(EVENT, "sector: trade", "sector: mines"),
    });
    expect(errors.map((p) => `${p.file}:${p.line} ${p.field ?? ""}`).sort()).toEqual([
      "events/e1.yaml:9 commitments[0].sector",
      "institutions.json:3 ",
      "sectors.csv:2 row 1.color",
      "sources.yaml:5 sources[0].url",
    ]);
    expect(result.tables).toBeUndefined();
  });
});
