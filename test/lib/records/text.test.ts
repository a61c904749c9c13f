// Decoding record files: UTF-8 only, and for other bytes a problem that says which encoding they look like.
import { describe, expect, it } from "vitest";
import { decodeRecordFile } from "../../../src/lib/records/text.js";

const RESAVE = "re-save the file as UTF-8 (in Excel: Save As › CSV UTF-8; in an editor: Save with encoding › UTF-8)";

describe("decodeRecordFile", () => {
  it("decodes UTF-8, drops a byte-order mark and turns CRLF into LF", () => {
    const bytes = Buffer.from("\ufeffid,label\r\nrail,Rail — €\r\n", "utf8");
    expect(decodeRecordFile(bytes, "sectors.csv")).toEqual({ text: "id,label\nrail,Rail — €\n" });
  });

  it("names a Latin-1 / Windows-1252 byte, its line and column, and how to re-save", () => {
    const bytes = Buffer.from("sectors:\n  - id: sant\xe9\n", "latin1");
    expect(decodeRecordFile(bytes, "s.yaml").problem).toEqual({
      severity: "error",
      file: "s.yaml",
      line: 2,
      column: 13,
      message: `is not UTF-8: byte 0xE9 at line 2 looks like Latin-1 / Windows-1252 ("é"); ${RESAVE}`,
      expected: "a file saved as UTF-8",
    });
  });

  it("counts columns in characters past valid multi-byte letters", () => {
    const bytes = Buffer.concat([Buffer.from("a: €é", "utf8"), Buffer.from([0x93])]);
    const { problem } = decodeRecordFile(bytes, "x.yaml");
    expect(problem).toMatchObject({ line: 1, column: 6 });
    expect(problem?.message).toContain('byte 0x93 at line 1 looks like Latin-1 / Windows-1252 ("“")');
  });

  it("does not name an encoding for a byte Windows-1252 leaves undefined", () => {
    const { problem } = decodeRecordFile(Buffer.from([0x61, 0x81, 0x0a]), "x.yaml");
    expect(problem?.message).toBe(`is not UTF-8: byte 0x81 at line 1; ${RESAVE}`);
  });

  it("recognises UTF-16 by its byte-order mark or by zero bytes", () => {
    const text = "sectors:\n  - id: rail\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodeRecordFile(le, "s.yaml").problem?.message).toBe(
      `is not UTF-8: it looks like UTF-16 (little-endian, with a byte-order mark); ${RESAVE}`,
    );
    const be = Buffer.from(text, "utf16le").swap16();
    expect(decodeRecordFile(be, "s.yaml").problem?.message).toBe(
      `is not UTF-8: it looks like UTF-16 (big-endian); ${RESAVE}`,
    );
  });

  it("reports an empty file", () => {
    expect(decodeRecordFile(Buffer.from(" \n"), "e.yaml").problem?.message).toBe("the file is empty");
  });
});
