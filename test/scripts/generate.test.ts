/**
 * `npm run generate` as a user runs it: a child process writing a folder that
 * the loader reads without a single problem, the same bytes every time, and a
 * refusal to write over a folder that is not empty.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TIMEOUT = 60_000;

function generate(...args: string[]) {
  const run = spawnSync("npx", ["tsx", "scripts/generate.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: TIMEOUT,
  });
  if (run.error) throw run.error;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let tmp: string;
let first: string;
let second: string;
let firstRun: ReturnType<typeof generate>;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "accord-generate-"));
  first = join(tmp, "first");
  second = join(tmp, "second");
  firstRun = generate("--commitments", "2000", "--seed", "7", "--out", first);
  generate("--commitments", "2000", "--seed", "7", "--out", second);
}, 2 * TIMEOUT);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("npm run generate", () => {
  it("writes the files and prints a one-line summary", () => {
    expect(firstRun.stderr).toBe("");
    expect(firstRun.code).toBe(0);
    expect(readdirSync(first).sort()).toEqual([
      "commitments.csv",
      "events.csv",
      "institutions.csv",
      "sectors.yaml",
      "sources.csv",
      "status_updates.csv",
    ]);
    expect(firstRun.stdout.trim().split("\n")).toHaveLength(1);
    expect(firstRun.stdout).toMatch(/^generated 2,000 commitments \([\d,]+ parties\), [\d,]+ events, .* in [\d.]+ s/);
  });

  it("writes byte-identical files for the same arguments", () => {
    const files = readdirSync(first).sort();
    expect(readdirSync(second).sort()).toEqual(files);
    for (const file of files) {
      expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(true);
    }
  });

  it(
    "writes a folder the loader reads without a problem",
    () => {
      const result = loadDataset(first);
      expect(result.problems.slice(0, 5)).toEqual([]);
      expect(result.errors).toBe(0);
      expect(result.read.commitments).toBe(2000);
      expect(result.read.sectors).toBe(24);
      // The 200 named national bodies asked for, and bodies of the other scopes besides.
      const institutions = result.tables?.institutions ?? [];
      expect(institutions.filter((i) => i.scope === "national" && i.naming === "named")).toHaveLength(200);
      expect(new Set(institutions.map((i) => `${i.scope}/${i.naming}`))).toEqual(
        new Set(["national/named", "joint/named", "international/named", "national/generic"]),
      );
      expect(result.read.commitment_parties).toBeGreaterThan(2000 * 2);
    },
    TIMEOUT,
  );

  it(
    "refuses a non-empty --out without --force, and with --force replaces only its own files",
    () => {
      const dir = join(tmp, "busy");
      mkdirSync(dir);
      writeFileSync(join(dir, "notes.md"), "keep me\n");
      writeFileSync(join(dir, "commitments.csv"), "stale\n");
      const refused = generate("--commitments", "50", "--out", dir);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/not empty.*--force/);
      expect(readFileSync(join(dir, "commitments.csv"), "utf8")).toBe("stale\n");

      const forced = generate("--commitments", "50", "--out", dir, "--force");
      expect(forced.code).toBe(0);
      expect(readFileSync(join(dir, "notes.md"), "utf8")).toBe("keep me\n");
      expect(readFileSync(join(dir, "commitments.csv"), "utf8")).toMatch(/^id,event_id,/);
      expect(forced.stdout).toMatch(/1 other entry left in place/);
    },
    2 * TIMEOUT,
  );

  // Two child processes (npx, then tsx compiling the script): about 3 s on an idle machine, so
  // vitest's default 5 s per test was too close; like the other tests here it waits as long as
  // a child process may take.
  it(
    "prints the usage and exits with 2 on bad flags",
    () => {
      const bad = generate("--commitments", "lots");
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--commitments must be a whole number/);
      expect(bad.stderr).toMatch(/Usage: npm run generate/);
      const help = generate("--help");
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/--institutions M/);
    },
    2 * TIMEOUT,
  );
});
