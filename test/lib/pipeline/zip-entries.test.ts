import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, describe, expect, it } from "vitest";
import { ZipEntries } from "../../../src/lib/pipeline/zip-entries.js";

const dir = mkdtempSync(join(tmpdir(), "aa-zip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("zip entries through the central directory", () => {
  it("lists a workbook's parts and opens one, whatever its place in the archive", async () => {
    const zip = new ZipEntries("test/fixtures/xlsx/valid-records.xlsx");
    const names = [...zip.entries.keys()];
    expect(names).toContain("xl/workbook.xml");
    expect(names.indexOf("xl/workbook.xml")).toBe(names.length - 1); // the part exceljs's own pass can lose
    const part = zip.open("xl/workbook.xml");
    if (!part) throw new Error("no xl/workbook.xml");
    const workbook = await text(part);
    expect(workbook).toMatch(/<sheet [^>]*name="commitments"/);
    expect(zip.open("xl/no-such-part.xml")).toBeUndefined();
  });

  it("says why a file is not a zip archive", () => {
    const file = join(dir, "plain.xlsx");
    writeFileSync(file, "id,label\n");
    expect(() => new ZipEntries(file)).toThrow("it is not a zip archive (no central directory)");
    const cut = join(dir, "cut.xlsx");
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 10); // one entry, in a directory that is not there
    end.writeUInt32LE(46, 12);
    writeFileSync(cut, end);
    expect(() => new ZipEntries(cut)).toThrow("its zip directory is damaged");
  });
});
