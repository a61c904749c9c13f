/**
 * Enumerations: one commitment per document, signatory, action or field of a
 * list, and one when a single document covers several things.
 */
import { describe, expect, it } from "vitest";
import { draftText } from "../../../src/lib/drafting/draft-text.js";
import { actionItems, documentItems, fieldItems, signatoryItems } from "../../../src/lib/drafting/enumerations.js";
import { INVENTED_CONTEXT, pressRelease } from "./invented-context.js";

const DATELINE = "OSLO, 3 March 2025 — Norway and Chile held their fourth joint commission on Monday.";
const draftsOf = (...paragraphs: string[]) =>
  draftText({ text: pressRelease(DATELINE, ...paragraphs) }, INVENTED_CONTEXT).commitments.filter(
    (c) => c.sentence.index > 0,
  );

describe("enumerations", () => {
  it("splits documents signed together", () => {
    const s =
      "The ministers signed a protocol on salmon farming, the minutes of the session and an agreement on hydropower.";
    const items = documentItems(s, s.indexOf("signed") + "signed".length).map((i) => i.text);
    expect(items).toEqual(["a protocol on salmon farming", "the minutes of the session", "an agreement on hydropower"]);
    expect(draftsOf(s).map((c) => c.sector)).toEqual(["agriculture", "political", "energy"]);
  });

  it("keeps one document that covers several things whole", () => {
    const s = "They signed a framework agreement on energy, fisheries and culture.";
    expect(documentItems(s, s.indexOf("signed") + 6)).toEqual([]);
    expect(draftsOf(s)).toHaveLength(1);
  });

  it("splits signatories in turn", () => {
    const s = "Memoranda were signed by the two fisheries agencies and by the two universities.";
    expect(signatoryItems(s).map((i) => i.text)).toEqual(["by the two fisheries agencies", "by the two universities"]);
  });

  it("splits coordinated actions", () => {
    const s = "The sides agreed to set up a salmon council, to open a trade office and to study hydropower.";
    expect(actionItems(s, s.indexOf("agreed")).map((i) => i.text)).toEqual([
      "to set up a salmon council",
      "to open a trade office",
      "to study hydropower",
    ]);
    expect(draftsOf(s)).toHaveLength(3);
  });

  it("splits a list of fields across sectors, not one within a sector", () => {
    const across = "The sides agreed to step up cooperation in energy, fisheries, culture, and the ocean environment.";
    const sectorOf = (t: string) =>
      INVENTED_CONTEXT.sectors.find((s) => s.keywords.some((k) => t.toLowerCase().includes(k)))?.id;
    expect(fieldItems(across, 0, sectorOf).map((i) => i.text)).toEqual([
      "energy",
      "fisheries",
      "culture",
      "ocean environment",
    ]);
    expect(draftsOf(across).map((c) => c.sector)).toEqual([
      "energy",
      "agriculture",
      "culture_education",
      "environment",
    ]);
    const within =
      "The sides agreed to expand cooperation in agriculture, particularly in seed production, salmon farming, and fisheries.";
    expect(fieldItems(within, 0, sectorOf)).toEqual([]);
    expect(draftsOf(within)).toHaveLength(1);
  });

  it("makes each item of a list introduced by a colon a commitment with the introduction's action", () => {
    const drafts = draftsOf(
      "The following documents were signed:",
      "- an agreement on hydropower;",
      "- a programme of cultural exchange.",
    );
    expect(drafts.map((c) => `${c.action} ${c.sector}`)).toEqual(["signed energy", "signed culture_education"]);
  });
});
