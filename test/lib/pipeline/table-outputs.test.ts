// quality.json, which the published /data page shows: every warning, with files named relative to the data folder.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { QualityFile } from "../../../src/lib/model/contracts.js";
import { buildTables, relativeToData } from "../../../src/lib/pipeline/table-outputs.js";

const BASE = join(import.meta.dirname, "../../fixtures/validation-corpus/_base");
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("quality.json", () => {
  it("lists every warning, each file relative to the data folder", () => {
    const root = mkdtempSync(join(tmpdir(), "aa-quality-"));
    dirs.push(root);
    const data = join(root, "records");
    cpSync(BASE, data, { recursive: true });
    const event = readFileSync(join(data, "events/e1.yaml"), "utf8");
    writeFileSync(join(data, "events/e1.yaml"), event.replace("summary: Do things.", "summary: Do <b>things</b>."));
    const sources = readFileSync(join(data, "sources.yaml"), "utf8");
    writeFileSync(
      join(data, "sources.yaml"),
      sources.replace("title: Joint statement", "title: Joint <i>statement</i>"),
    );
    writeFileSync(join(data, "notes.docx"), "not records");
    const result = buildTables(data, "test", join(root, "out"));
    expect(result.ok).toBe(true);
    const quality = JSON.parse(readFileSync(join(root, "out", "quality.json"), "utf8")) as QualityFile;
    expect(quality.warnings.map((w) => `${w.file}${w.line ? `:${w.line}` : ""} ${w.message}`).sort()).toEqual([
      "events/e1.yaml:10 contains markup; it is kept as text and shown as typed, never as HTML",
      "notes.docx is not read: not a record file",
      "sources.yaml:3 contains markup; it is kept as text and shown as typed, never as HTML",
    ]);
    expect(JSON.stringify(quality)).not.toContain(root);
  });
});

describe("relativeToData", () => {
  it("names a file inside the folder by its path there, with '/'", () => {
    expect(relativeToData("/srv/records", "/srv/records/events/a.yaml")).toBe("events/a.yaml");
  });

  it("never gives an absolute path for a file outside the folder", () => {
    expect(relativeToData("/srv/records", "/home/me/other/a.yaml")).toBe("a.yaml");
  });
});
