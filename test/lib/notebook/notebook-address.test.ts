import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  decodeNotebook,
  encodeNotebook,
  MAX_ENCODED_CHARS,
  MAX_STORED_CHARS,
  notebookFragment,
} from "../../../src/lib/notebook/notebook-address.js";
import { MAX_CELLS } from "../../../src/lib/notebook/notebook-cells.js";

/** Packs any text as the format does, to build broken notebooks. */
const pack = (text: string) => `1.${deflateRawSync(Buffer.from(text)).toString("base64url")}`;

describe("encodeNotebook / decodeNotebook", () => {
  it("round-trips cells, with their marks, in a compact URL-safe text", async () => {
    const cells = [
      { sql: "SELECT 'ü ✓ <b>' AS s, 1 + 1", mark: "dot" as const },
      { sql: "SELECT *\nFROM commitments\tWHERE status = 'done'" },
      { sql: "x".repeat(5000) },
    ];
    const encoded = await encodeNotebook(cells);
    expect(encoded).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(400);
    expect(await decodeNotebook(encoded)).toEqual({ ok: true, cells });
  });

  it("refuses markup, other versions and cut-short text, saying what was wrong", async () => {
    expect(await decodeNotebook("<script>alert(1)</script>")).toEqual({
      ok: false,
      problem: "it does not start with the format's version (“1.”)",
    });
    const good = await encodeNotebook([{ sql: "SELECT 1" }]);
    expect(await decodeNotebook(`1.${good.slice(2, 6)}<img src=x>`)).toMatchObject({
      ok: false,
      problem: expect.stringContaining("not base64url at position 7"),
    });
    expect(await decodeNotebook(`2.${good.slice(2)}`)).toMatchObject({ ok: false });
    expect(await decodeNotebook(good.slice(0, good.length - 6))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/decompressed|cut short|JSON/),
    });
    expect(await decodeNotebook("1.AAAA")).toMatchObject({ ok: false });
  });

  it("refuses what is too long, and what unpacks too large (a zip bomb)", async () => {
    expect(await decodeNotebook(`1.${"A".repeat(MAX_ENCODED_CHARS)}`)).toMatchObject({
      ok: false,
      problem: expect.stringContaining("characters long"),
    });
    const bomb = pack(JSON.stringify({ cells: [{ sql: " ".repeat(30_000_000) }] }));
    expect(bomb.length).toBeLessThan(MAX_ENCODED_CHARS);
    expect(await decodeNotebook(bomb)).toMatchObject({
      ok: false,
      problem: expect.stringContaining("unpacks to more"),
    });
  });

  it("reads longer text from storage when told its limit", async () => {
    const long = `1.${"A".repeat(MAX_ENCODED_CHARS + 10)}`;
    expect(await decodeNotebook(long, MAX_STORED_CHARS)).not.toMatchObject({
      problem: expect.stringContaining("characters long"),
    });
  });

  it("refuses JSON that is not cells", async () => {
    const refused = async (value: string) => ((await decodeNotebook(pack(value))) as { problem: string }).problem;
    expect(await refused("not json")).toBe("it does not unpack to JSON text");
    expect(await refused('{"cells": 3}')).toBe("it holds no list of cells");
    expect(await refused("null")).toBe("it holds no list of cells");
    expect(await refused('{"cells": [{"sql": 1}]}')).toBe("cell 1 has no query text");
    expect(await refused('{"cells": [{"sql": "a"}, {"sql": "b", "mark": "pie"}]}')).toBe(
      "cell 2 asks for an unknown chart mark",
    );
    expect(await refused(JSON.stringify({ cells: [{ sql: "SELECT 1\u0000" }] }))).toBe(
      "cell 1 holds control characters",
    );
    expect(await refused(JSON.stringify({ cells: [{ sql: "x".repeat(20_001) }] }))).toContain("at most 20000");
    const many = { cells: Array.from({ length: MAX_CELLS + 1 }, () => ({ sql: "SELECT 1" })) };
    expect(await refused(JSON.stringify(many))).toBe(`it has ${MAX_CELLS + 1} cells; at most ${MAX_CELLS}`);
  });
});

describe("notebookFragment", () => {
  it("reads the whole notebook or cells to add, and nothing else", () => {
    expect(notebookFragment("#notebook=1.abc")).toEqual({ kind: "replace", encoded: "1.abc" });
    expect(notebookFragment("#notebook-add=1.xyz")).toEqual({ kind: "add", encoded: "1.xyz" });
    expect(notebookFragment("#events-and-what-was-agreed")).toEqual({ kind: "none" });
    expect(notebookFragment("")).toEqual({ kind: "none" });
  });
});
