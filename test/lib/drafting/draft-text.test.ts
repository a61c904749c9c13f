/**
 * The drafter end to end on invented texts: the contract's fields, sentence
 * offsets that highlight the input's own words, the event prefilled from the
 * headline and dateline, and hostile input (markup, 1 MB, no sentences,
 * another language) answered with warnings, never an exception.
 */
import { describe, expect, it } from "vitest";
import { draftText } from "../../../src/lib/drafting/draft-text.js";
import { INVENTED_CONTEXT, pressRelease } from "./invented-context.js";

const TEXT = pressRelease(
  "OSLO, 3 March 2025 — Norway and Chile signed a memorandum on salmon farming at their fourth joint commission.",
  "The sides agreed to hold the next session in Santiago in 2026.",
);

describe("draftText", () => {
  it("drafts commitments with their sentence, offsets, confidence and reasons", () => {
    const result = draftText({ text: TEXT }, INVENTED_CONTEXT);
    expect(result.commitments.map((c) => [c.sentence.index, c.sentence.paragraph, c.action])).toEqual([
      [0, 1, "signed"],
      [1, 2, "host"],
    ]);
    for (const c of result.commitments) {
      expect(["medium", "low"]).toContain(c.confidence);
      expect(c.reasons.length).toBeGreaterThan(0);
    }
    const second = result.commitments[1];
    expect(TEXT.slice(second?.sentence.start, second?.sentence.end)).toBe(
      "The sides agreed to hold the next session in Santiago in 2026.",
    );
  });

  it("prefills the event from the headline and dateline, and lets given values win", () => {
    expect(draftText({ text: TEXT }, INVENTED_CONTEXT).event).toMatchObject({
      title: "Norway and Chile meet",
      start_date: "2025-03-03",
      place: "Oslo",
      id: "2025-03-03-norway-chile-meet",
    });
    const given = draftText({ text: TEXT, event: { title: "Fourth commission", place: "Bergen" } }, INVENTED_CONTEXT);
    expect(given.event).toMatchObject({ title: "Fourth commission", place: "Bergen", start_date: "2025-03-03" });
  });

  it("drafts from HTML with highlights in the original markup", () => {
    const html = `<html><body><h1>Norway and Chile meet</h1><p>OSLO, 3 March 2025 &mdash; Norway and Chile signed an agreement on hydropower.</p><p>They agreed to hold the next session in 2026.</p></body></html>`;
    const result = draftText({ text: html }, INVENTED_CONTEXT);
    expect(result.warnings.join(" ")).toMatch(/HTML markup/);
    const host = result.commitments.find((c) => c.action === "host");
    expect(html.slice(host?.sentence.start, host?.sentence.end)).toBe("They agreed to hold the next session in 2026.");
  });

  it("answers hostile input with warnings, not an exception", () => {
    const oneMegabyte = `# Headline\n\n${"Norway and Chile agreed to cooperate on salmon farming. ".repeat(19_000)}`;
    expect(oneMegabyte.length).toBeGreaterThan(1_000_000);
    expect(draftText({ text: oneMegabyte }, INVENTED_CONTEXT).warnings.join(" ")).toMatch(/only the first/);
    const noStops = `# H\n\n${"word ".repeat(5000)}`;
    expect(draftText({ text: noStops }, INVENTED_CONTEXT).warnings.join(" ")).toMatch(/was not drafted/);
    expect(draftText({ text: "" }, INVENTED_CONTEXT).warnings.join(" ")).toMatch(/No sentences found/);
    const french = "# Titre\n\nLes deux parties ont convenu de renforcer la coopération dans le domaine de l'énergie.";
    const other = draftText({ text: french }, INVENTED_CONTEXT);
    expect(other.warnings.join(" ")).toMatch(/English only/);
    expect(other.commitments).toEqual([]);
  }, 120_000);
});
