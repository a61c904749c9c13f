/**
 * Sentences found back in their text, across joined lines, list markers and
 * front matter.
 */
import { describe, expect, it } from "vitest";
import { locateSentences } from "../../../src/lib/drafting/sentence-offsets.js";
import { splitBody, splitSentences } from "../../../src/lib/drafting/sentences.js";

describe("sentence offsets", () => {
  it("gives each sentence its span in the text", () => {
    const text =
      "---\nsource_url: x\n---\n# Headline agreed\n\nThe sides agreed\nto meet. They signed a plan:\n\n- an agreement on salmon;\n- a programme.\n";
    const sentences = splitSentences(text);
    const spans = locateSentences(text, splitBody(text).headline, sentences);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      "The sides agreed\nto meet.",
      "They signed a plan:",
      "an agreement on salmon;",
      "a programme.",
    ]);
  });
});
