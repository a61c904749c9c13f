import { describe, expect, it } from "vitest";
import { codeSpans, type TextPiece } from "../../../src/lib/model/code-spans.js";
import { schemaDescription } from "../../../src/lib/model/schema-doc.js";

/** The pieces joined again, backticks around the code: the text as written. */
const rejoin = (pieces: TextPiece[]) => pieces.map((p) => (p.code ? `\`${p.text}\`` : p.text)).join("");

describe("code spans", () => {
  it("cuts a description into plain text and the names in backticks", () => {
    const text = "The row's `key` in `commitments` (for example `pk-navttc`).";
    expect(codeSpans(text)).toEqual([
      { text: "The row's ", code: false },
      { text: "key", code: true },
      { text: " in ", code: false },
      { text: "commitments", code: true },
      { text: " (for example ", code: false },
      { text: "pk-navttc", code: true },
      { text: ").", code: false },
    ]);
  });

  it("gives text with no backticks back whole, and nothing for nothing", () => {
    expect(codeSpans("Where it was held.")).toEqual([{ text: "Where it was held.", code: false }]);
    expect(codeSpans("")).toEqual([]);
  });

  it("keeps a code span at either end without an empty piece beside it", () => {
    expect(codeSpans("`id` first")).toEqual([
      { text: "id", code: true },
      { text: " first", code: false },
    ]);
    expect(codeSpans("last `id`")).toEqual([
      { text: "last ", code: false },
      { text: "id", code: true },
    ]);
  });

  it("leaves an unpaired backtick and an empty pair in the plain text", () => {
    expect(codeSpans("a ` alone")).toEqual([{ text: "a ` alone", code: false }]);
    expect(codeSpans("an `` empty pair, then `x` and a ` stray")).toEqual([
      { text: "an `` empty pair, then ", code: false },
      { text: "x", code: true },
      { text: " and a ` stray", code: false },
    ]);
  });

  it("loses nothing: every description of the schema joins back to itself", () => {
    const texts = schemaDescription().flatMap((t) => [t.description, ...t.columns.map((c) => c.description)]);
    expect(texts.filter((t) => t.includes("`")).length).toBeGreaterThan(10);
    for (const text of texts) expect(rejoin(codeSpans(text))).toBe(text);
  });
});
