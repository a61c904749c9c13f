/**
 * `npm run export` and `npm run template` as a user runs them: child
 * processes, their exit codes, what they print and the files they leave.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const VALID = fileURLToPath(new URL("../fixtures/valid", import.meta.url));
const TIMEOUT = 60_000;

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync("npx", ["tsx", `scripts/${script}.ts`, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: TIMEOUT,
    env: { ...process.env, ...env },
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "aa-export-script-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run export -- --records xlsx FILE", () => {
  it(
    "writes the records of ACCORD_DATA_DIR as a workbook that validates",
    () => {
      const out = join(dir, "records.xlsx");
      const made = run("export", ["--records", "xlsx", out], { ACCORD_DATA_DIR: VALID });
      expect(made.code, made.stderr).toBe(0);
      expect(made.stdout).toMatch(/^Wrote .*records\.xlsx from .*valid: 2 events, 4 commitments, 8 commitment_parties/);
      const again = run("export", ["--records", "xlsx", out], { ACCORD_DATA_DIR: VALID });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain("exists; pass --force to replace it");
      const folder = join(dir, "only-workbook");
      cpSync(out, join(folder, "records.xlsx"));
      const checked = run("validate", [folder]);
      expect(checked.code, checked.stdout).toBe(0);
      expect(checked.stdout).toContain("is valid: 1 files; 2 events, 4 commitments, 8 commitment_parties");
    },
    TIMEOUT,
  );

  it(
    "refuses records with errors, printing them, and writes nothing",
    () => {
      const bad = join(dir, "bad");
      cpSync(VALID, bad, { recursive: true });
      writeFileSync(join(bad, "sectors.extra.csv"), "id,label,color\nbroken,Broken,blue\n");
      const out = join(dir, "never.xlsx");
      const result = run("export", ["--records", "xlsx", out, "--data", bad]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/sectors\.extra\.csv:2:3 {2}row 1\.color {2}"blue"/);
      expect(result.stderr).toContain("has errors; nothing was written.");
      expect(existsSync(out)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    "explains its usage when the arguments are wrong",
    () => {
      const result = run("export", ["--records", "pdf", "x.pdf"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("--records needs a format among: xlsx (got pdf)");
      expect(result.stderr).toContain("Usage: npm run export");
    },
    TIMEOUT,
  );
});

describe("npm run template -- --xlsx FILE", () => {
  it(
    "writes the template with the data folder's sector ids",
    () => {
      const out = join(dir, "template.xlsx");
      const result = run("template", ["--xlsx", out, "--data", VALID]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/drop-down lists \(3 sector ids from .*valid\)/);
      expect(existsSync(out)).toBe(true);
    },
    TIMEOUT,
  );
});
