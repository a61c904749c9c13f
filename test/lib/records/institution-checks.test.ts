/**
 * Institutions of every scope (national, international, joint), generic
 * institutions, target spans and series bodies: valid folders load into the
 * tables with their derived columns, and each misuse is reported where it was
 * written.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Problem } from "../../../src/lib/model/problems.js";
import { loadDataset } from "../../../src/lib/pipeline/dataset.js";

const lines = (...ls: string[]) => `${ls.join("\n")}\n`;

const INSTITUTIONS = lines(
  "institutions:", //                        1
  "  - id: ke-gov", //                       2
  "    name: Government of Kenya", //     3
  "    country: KE", //                      4
  "    type: government", //                 5
  "  - id: un", //                           6
  "    name: United Nations", //             7
  "    scope: international", //            8
  "    type: other", //                      9
  "  - id: ke-fi-jpcc", //                   10
  "    name: Kenya–Finland Joint Permanent Commission on Cooperation", // 11
  "    acronym: JPCC", //                    12
  "    scope: joint", //                     13
  "    members: [KE, FI]", //                14
  "    type: other", //                      15
  "  - id: ke-chambers", //                  16
  "    name: Chambers of commerce of Kenya", // 17
  "    country: KE", //                      18
  "    naming: generic", //                  19
  "    type: chamber", //                    20
);

const EVENT = lines(
  "event:", //                               1
  "  id: jpcc-1", //                         2
  "  title: First session", //               3
  "  kind: commission_session", //          4
  "  start_date: 2025-04-10", //             5
  "  series: Kenya–Finland Joint Permanent Commission on Cooperation", // 6
  "  series_short: JPCC", //                 7
  "  series_body_id: ke-fi-jpcc", //         8
  "  session: 1", //                         9
  "  source_ids: [s1]", //                   10
  "commitments:", //                         11
  "  - id: c1", //                           12
  "    sector: trade", //                    13
  "    summary: Support a seat on the council for the 2027–2028 term.", // 14
  "    action: agreed", //                   15
  "    strength: intent", //                 16
  "    target_date: 2027/2028", //           17
  "    source_id: s1", //                    18
  "    confidence: high", //                 19
  "    parties: [ke-gov, un, ke-fi-jpcc, ke-chambers]", // 20
);

const BASE: Record<string, string> = {
  "sectors.yaml": lines("sectors:", "  - id: trade", "    label: Trade", '    color: "#e15759"'),
  "sources.yaml": lines(
    "sources:",
    "  - id: s1",
    "    title: Joint communiqué",
    "    publisher: MFA",
    "    url: https://example.org/a",
  ),
  "institutions.yaml": INSTITUTIONS,
  "events/jpcc-1.yaml": EVENT,
};

function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" is not in the text exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function load(changes: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "accord-scope-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries({ ...BASE, ...changes })) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  const result = loadDataset(dir);
  const problems: Problem[] = result.problems.map((p) => ({ ...p, file: p.file.slice(dir.length + 1) }));
  return { result, problems };
}

describe("institutions of every scope", () => {
  it("load, with each one's affiliation, countries and words", () => {
    const { result, problems } = load();
    expect(problems).toEqual([]);
    const rows = result.tables?.institutions ?? [];
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId["ke-gov"]).toMatchObject({
      scope: "national",
      naming: "named",
      affiliation: "KE",
      countries: ["KE"],
      country_name: "Kenya",
    });
    expect(byId.un).toMatchObject({ country: null, affiliation: "international", countries: [] });
    expect(byId["ke-fi-jpcc"]).toMatchObject({
      country: null,
      members: ["KE", "FI"],
      affiliation: "joint",
      countries: ["KE", "FI"],
      country_name: "Joint body (Finland–Kenya)",
    });
    expect(byId["ke-chambers"]).toMatchObject({ naming: "generic", affiliation: "KE" });
  });

  it("keep a series' short name and body on the event", () => {
    const { result } = load();
    expect(result.tables?.events[0]).toMatchObject({ series_short: "JPCC", series_body_id: "ke-fi-jpcc" });
  });

  it("refuse a national body without a country", () => {
    const { problems } = load({
      "institutions.yaml": edit(INSTITUTIONS, "    country: KE\n    type: government", "    type: government"),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: "error",
      file: "institutions.yaml",
      line: 2,
      field: "institutions[0].country",
      message: "is missing for a national body",
    });
  });

  it("refuse a country on an international organisation, pointing at it", () => {
    const { problems } = load({
      "institutions.yaml": edit(
        INSTITUTIONS,
        "    scope: international\n",
        "    scope: international\n    country: US\n",
      ),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      line: 9,
      field: "institutions[1].country",
      message: "is given for an international organisation",
    });
    expect(problems[0].expected).toMatch(/belongs to none/);
  });

  it("refuse a joint body of one member, and members on a national body", () => {
    const oneMember = load({ "institutions.yaml": edit(INSTITUTIONS, "members: [KE, FI]", "members: [KE]") });
    expect(oneMember.problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [14, "institutions[2].members", "names one country; a joint body has two or more"],
    ]);
    const national = load({
      "institutions.yaml": edit(
        INSTITUTIONS,
        "    country: KE\n    type: government",
        "    country: KE\n    members: [KE, FI]\n    type: government",
      ),
    });
    expect(national.problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [5, "institutions[0].members", "is given for a national body"],
    ]);
  });

  it("refuse a joint body without members, and an unknown scope", () => {
    const noMembers = load({ "institutions.yaml": edit(INSTITUTIONS, "    members: [KE, FI]\n", "") });
    expect(noMembers.problems.map((p) => p.message)).toEqual(["is missing for a joint body"]);
    const unknown = load({ "institutions.yaml": edit(INSTITUTIONS, "scope: joint", "scope: bilateral") });
    expect(unknown.problems[0]).toMatchObject({ line: 13, field: "institutions[2].scope" });
  });

  it("warn when a series' body is a national one", () => {
    const { problems } = load({
      "events/jpcc-1.yaml": edit(EVENT, "series_body_id: ke-fi-jpcc", "series_body_id: ke-gov"),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: "warning", line: 8, field: "event.series_body_id" });
  });
});

describe("target spans", () => {
  it("load as a span whose deadline is its last day", () => {
    const { result } = load();
    const c = result.tables?.commitments[0];
    expect(c).toMatchObject({ target_date: "2027/2028", target_date_precision: "span" });
    expect(c?.deadline).toBe(Date.UTC(2028, 11, 31) / 86_400_000);
  });

  it("refuse a span that ends before it starts, and a span where one date is wanted", () => {
    const backwards = load({ "events/jpcc-1.yaml": edit(EVENT, "target_date: 2027/2028", "target_date: 2028/2027") });
    expect(backwards.problems[0]).toMatchObject({
      line: 17,
      field: "commitments[0].target_date",
      message: "ends before it starts",
    });
    const startSpan = load({
      "events/jpcc-1.yaml": edit(EVENT, "start_date: 2025-04-10", "start_date: 2025-04-10/2025-04-12"),
    });
    expect(startSpan.problems[0]).toMatchObject({
      line: 5,
      message: "is a span of dates; this field takes one date",
    });
  });
});
