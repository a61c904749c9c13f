/**
 * `npm run draft -- FILE` as a user runs it: YAML on stdout or in --out,
 * warnings and a summary on stderr, and refusals (an --out inside the data
 * folder, a file that is not text) with a reason and exit code 2.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TIMEOUT = 60_000;
const dir = mkdtempSync(join(tmpdir(), "accord-draft-script-"));
const release = join(dir, "release.md");
writeFileSync(
  release,
  "# Norway and Chile meet\n\nOSLO, 3 March 2025 — Norway and Chile signed a memorandum on fisheries.\n\nThe sides agreed to hold the next session in Santiago in 2026.\n",
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function draft(...args: string[]) {
  const run = spawnSync("npx", ["tsx", "scripts/draft.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: TIMEOUT });
  if (run.error) throw run.error;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("npm run draft", () => {
  it(
    "writes the event file to stdout with the source URL given",
    () => {
      const run = draft(release, "--source-url", "https://example.org/release");
      expect(run.code).toBe(0);
      const doc = parse(run.stdout);
      expect(doc.sources[0].url).toBe("https://example.org/release");
      expect(doc.commitments.map((c: { action: string }) => c.action)).toEqual(["signed", "host"]);
      expect(run.stderr).toMatch(/Drafted 2 commitments/);
    },
    TIMEOUT,
  );

  it(
    "writes to --out outside the data folder",
    () => {
      const out = join(dir, "drafted.yaml");
      const run = draft(release, "--out", out);
      expect(run.code).toBe(0);
      expect(parse(readFileSync(out, "utf8")).event.start_date).toBe("2025-03-03");
    },
    TIMEOUT,
  );

  it(
    "refuses an --out inside the data folder, a file that is not text and an unknown option",
    () => {
      const inside = draft(release, "--out", "data/events/drafted.yaml");
      expect(inside.code).toBe(2);
      expect(inside.stderr).toMatch(/inside the data folder/);
      expect(existsSync(join(ROOT, "data/events/drafted.yaml"))).toBe(false);
      const binary = join(dir, "release.pdf");
      writeFileSync(binary, "%PDF");
      expect(draft(binary).stderr).toMatch(/expected a \.txt, \.md or \.html file/);
      expect(draft(release, "--colour", "red").stderr).toMatch(/Unknown option --colour/);
    },
    TIMEOUT,
  );
});
