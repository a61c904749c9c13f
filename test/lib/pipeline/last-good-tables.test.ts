import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  LAST_GOOD_TABLES_VARIABLE,
  lastGoodTables,
  rememberGoodTables,
} from "../../../src/lib/pipeline/last-good-tables.js";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), "accord-last-good-"));
  made.push(dir);
  return dir;
}

describe("last good tables", () => {
  it("gives the folder the dev server remembered, with its manifest", () => {
    const dir = temp();
    const folder = join(dir, "tables-abc");
    mkdirSync(folder);
    writeFileSync(join(folder, "manifest.json"), JSON.stringify({ files: 3 }));
    const file = join(dir, "last-good");
    rememberGoodTables(file, folder);
    const kept = lastGoodTables({ [LAST_GOOD_TABLES_VARIABLE]: file });
    expect(kept?.folder).toBe(folder);
    expect(kept?.manifest).toEqual({ files: 3 });
  });

  it("gives nothing without the variable, without the file, or when the folder is gone", () => {
    const dir = temp();
    const file = join(dir, "last-good");
    expect(lastGoodTables({})).toBeUndefined();
    expect(lastGoodTables({ [LAST_GOOD_TABLES_VARIABLE]: file })).toBeUndefined();
    rememberGoodTables(file, join(dir, "tables-pruned"));
    expect(lastGoodTables({ [LAST_GOOD_TABLES_VARIABLE]: file })).toBeUndefined();
  });
});
