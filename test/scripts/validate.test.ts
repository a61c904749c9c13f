/**
 * `npm run validate [folder]` as a user runs it: a child process, its exit
 * code and what it prints.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Problem } from "../../src/lib/model/problems.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const VALID = fileURLToPath(new URL("../fixtures/valid", import.meta.url));
const CORPUS_BASE = fileURLToPath(new URL("../fixtures/validation-corpus/_base", import.meta.url));
const TIMEOUT = 60_000;

function validate(...args: string[]) {
  const run = spawnSync("npx", ["tsx", "scripts/validate.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: TIMEOUT,
  });
  if (run.error) throw run.error;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let bad: string;
beforeAll(() => {
  // The valid fixture with one error in each of four files (YAML, JSON, two CSV), none hiding another.
  bad = mkdtempSync(join(tmpdir(), "accord-validate-script-"));
  cpSync(VALID, bad, { recursive: true });
  writeFileSync(
    join(bad, "sources.yaml"),
    [
      "sources:",
      "  - id: src-mofa-2025",
      "    title: Joint statement",
      "    publisher: MFA",
      "    url: javascript:alert(1)", // line 5
      "  - id: src-belta-2025",
      "    title: Review",
      "    publisher: BelTA",
      "    url: https://www.belta.by/a",
      "",
    ].join("\n"),
  );
  writeFileSync(
    join(bad, "commitment_parties.csv"),
    "commitment_id,institution_id\njmc9-trade-target,pk-gov\njmc9-trade-target,nobody\n",
  );
  writeFileSync(
    join(bad, "status_updates.csv"),
    "id,commitment_id,date,status,summary,source_id,confidence\nu9,jmc8-energy-wg,2025-02-30,done,Done.,src-belta-2025,high\n",
  );
  // Minsk Tractor Works (line 36) in a country that does not exist.
  const institutions = readFileSync(join(VALID, "institutions.json"), "utf8").split("\n");
  institutions[35] = institutions[35].replace('"BY"', '"XX"');
  writeFileSync(join(bad, "institutions.json"), institutions.join("\n"));
});
afterAll(() => {
  if (bad) rmSync(bad, { recursive: true, force: true });
});

describe("scripts/validate.ts", () => {
  it(
    "exits 0 and says the valid fixture is valid, with its counts",
    () => {
      const { code, stdout } = validate(VALID);
      expect(code).toBe(0);
      expect(stdout).toMatch(
        /test\/fixtures\/valid is valid: 8 files; 2 events, 4 commitments, 8 commitment_parties, 3 status_updates, 5 institutions, 2 sources, 3 sectors\.\n$/,
      );
      // The markup warning is still shown.
      expect(stdout).toContain("warning test/fixtures/valid/sources.yaml:4:12  sources[0].title  contains markup");
      expect(stdout).toContain("0 errors, 1 warning");
    },
    TIMEOUT,
  );

  it(
    "exits 1 and lists every error of a bad folder",
    () => {
      const { code, stdout } = validate(bad);
      expect(code).toBe(1);
      const errors = stdout.split("\n").filter((l) => l.startsWith("error "));
      expect(errors).toHaveLength(4);
      expect(errors[0]).toMatch(
        /^error .*commitment_parties\.csv:3:2 {2}row 2\.institution_id {2}"nobody" is not a known institution/,
      );
      expect(errors[1]).toMatch(
        /^error .*institutions\.json:36:18 {2}institutions\[4\]\.country {2}"XX" is not an ISO 3166-1 alpha-2 country code/,
      );
      expect(errors[2]).toMatch(
        /^error .*sources\.yaml:5:10 {2}sources\[0\]\.url {2}"javascript:alert\(1\)" uses the javascript: scheme/,
      );
      expect(errors[3]).toMatch(
        /^error .*status_updates\.csv:2:3 {2}row 1\.date {2}"2025-02-30" is not a real calendar date — expected a date written YYYY/,
      );
      expect(stdout).toContain("4 errors, 0 warnings");
      expect(stdout).toMatch(/is not valid: fix the errors above \(nothing was built\)\.\n$/);
    },
    TIMEOUT,
  );

  it(
    "prints the problems and counts as JSON with --json",
    () => {
      const good = validate("--json", VALID);
      expect(good.code).toBe(0);
      const report = JSON.parse(good.stdout) as {
        valid: boolean;
        problems: Problem[];
        counts: { table: string; read: number; written: number }[];
      };
      expect(report.valid).toBe(true);
      expect(report.problems).toHaveLength(1);
      expect(report.counts).toContainEqual({ table: "commitments", read: 4, written: 4 });

      const failing = validate(bad, "--json");
      expect(failing.code).toBe(1);
      const badReport = JSON.parse(failing.stdout) as typeof report;
      expect(badReport.valid).toBe(false);
      expect(badReport.problems.filter((p) => p.severity === "error")).toHaveLength(4);
      expect(badReport.problems).toContainEqual(
        expect.objectContaining({
          line: 5,
          column: 10,
          field: "sources[0].url",
          message: expect.stringContaining("javascript:"),
        }),
      );
    },
    TIMEOUT,
  );

  it(
    "puts a file that cannot be read first, in text and in --json, with the references it hides on one line",
    () => {
      const broken = mkdtempSync(join(tmpdir(), "accord-validate-broken-"));
      try {
        cpSync(CORPUS_BASE, broken, { recursive: true });
        cpSync(join(CORPUS_BASE, "../yaml-syntax-error"), broken, {
          recursive: true,
          filter: (source) => !source.endsWith("expected.txt"),
        });
        const text = validate(broken);
        expect(text.code).toBe(1);
        const lines = text.stdout.split("\n");
        expect(lines[0]).toMatch(/^error .*institutions\.yaml:7:11 {2}is not valid YAML: /);
        expect(lines[1]).toMatch(
          /^error .*institutions\.yaml {2}hides 6 references in 2 other files to ids written in it/,
        );
        expect(lines[2]).toBe("2 errors, 0 warnings");
        const json = JSON.parse(validate(broken, "--json").stdout) as { problems: Problem[] };
        expect(json.problems.map((p) => p.rank)).toEqual(["cause", "knock-on"]);
      } finally {
        rmSync(broken, { recursive: true, force: true });
      }
    },
    TIMEOUT,
  );

  it(
    "checks the folder's stories against its records: a bad link fails, a good story is counted",
    () => {
      const withStories = mkdtempSync(join(tmpdir(), "accord-validate-stories-"));
      try {
        cpSync(VALID, withStories, { recursive: true });
        mkdirSync(join(withStories, "stories"));
        const slide = (link: string) => `  - view: network\n    link: "${link}"\n    title: T\n    note: N\n`;
        writeFileSync(join(withStories, "stories/good.yaml"), `title: Good\nslides:\n${slide("?sector=trade")}`);
        const good = validate(withStories);
        expect(good.code, good.stdout).toBe(0);
        expect(good.stdout).toMatch(/; 1 story \(1 slide\)\.\n$/);

        writeFileSync(
          join(withStories, "stories/bad.yaml"),
          `title: Bad\nslides:\n${slide("?sector=space&select=nobody")}  - view: map\n    link: ""\n    title: T\n    note: N\n`,
        );
        const { code, stdout } = validate(withStories);
        expect(code).toBe(1);
        const errors = stdout.split("\n").filter((l) => l.startsWith("error "));
        expect(errors).toEqual([
          expect.stringMatching(
            /stories\/bad\.yaml:4:11 {2}slides\[0\]\.link {2}"select=nobody" selects no institution/,
          ),
          expect.stringMatching(
            /stories\/bad\.yaml:4:11 {2}slides\[0\]\.link {2}"sector=space" would be dropped by the page: unknown sector/,
          ),
          expect.stringMatching(
            /stories\/bad\.yaml:7:11 {2}slides\[1\]\.view {2}"map" is not one of the allowed values/,
          ),
        ]);
        expect(stdout).toMatch(/is not valid: fix the errors above \(nothing was built\)\.\n$/);
      } finally {
        rmSync(withStories, { recursive: true, force: true });
      }
    },
    TIMEOUT,
  );

  it(
    "exits 1 for a folder that does not exist",
    () => {
      const { code, stdout } = validate(join(bad, "missing"));
      expect(code).toBe(1);
      expect(stdout).toContain("the data folder does not exist");
    },
    TIMEOUT,
  );
});
