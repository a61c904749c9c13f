/**
 * The draft as an event file: source, proposed institutions, event and
 * commitments in the project's format, confidence never high, a note that
 * it was drafted, only the accepted commitments when some are chosen.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { draftText } from "../../../src/lib/drafting/draft-text.js";
import { draftYaml, eventKindOf, sourceIdOf } from "../../../src/lib/drafting/draft-yaml.js";
import { INVENTED_CONTEXT, pressRelease } from "./invented-context.js";

const TEXT = pressRelease(
  "OSLO, 3 March 2025 — Norway and Chile signed a memorandum on salmon farming at the fourth session of their Joint Fisheries Commission.",
  "The Norwegian Directorate of Aquaculture and the NVA agreed to exchange inspectors.",
  "The sides agreed to hold the next session in Santiago in 2026.",
);
const result = draftText({ text: TEXT, event: { source_url: "https://www.example.org/news/1" } }, INVENTED_CONTEXT);

describe("draftYaml", () => {
  it("writes source, institutions, event and commitments", () => {
    const doc = parse(draftYaml(result, { tool: "a test" }));
    expect(doc.sources).toEqual([
      expect.objectContaining({ id: "drafted-example-org-2025-03-03", url: "https://www.example.org/news/1" }),
    ]);
    expect(doc.event).toMatchObject({
      kind: "other",
      start_date: "2025-03-03",
      source_ids: ["drafted-example-org-2025-03-03"],
    });
    expect(doc.institutions.map((i: { name: string }) => i.name)).toEqual(["Norwegian Directorate of Aquaculture"]);
    expect(doc.commitments.map((c: { locator: string; action: string }) => `${c.locator} ${c.action}`)).toEqual([
      "s0 ¶1 signed",
      "s1 ¶2 agreed",
      "s2 ¶3 host",
    ]);
    for (const c of doc.commitments) {
      expect(["medium", "low"]).toContain(c.confidence);
      expect(c.note).toMatch(/^Drafted from the text by a test; needs review/);
      expect(Array.isArray(c.parties)).toBe(true);
    }
    expect(doc.commitments[1].parties).toEqual([expect.stringMatching(/^no-/), "no-nva"]);
    expect(doc.commitments[2]).toMatchObject({ target_date: "2026", target_note: "next session in Santiago" });
  });

  it("keeps only the accepted commitments and the institutions they name", () => {
    const first = result.commitments[0]?.key ?? "";
    const doc = parse(draftYaml(result, { accepted: new Set([first]) }));
    expect(doc.commitments.map((c: { id: string }) => c.id)).toEqual([first]);
    expect(doc.institutions).toBeUndefined();
  });

  it("says what is missing when no source URL was given", () => {
    const text = draftYaml(draftText({ text: TEXT }, INVENTED_CONTEXT));
    expect(text).toMatch(/^# No source URL was given/m);
    expect(parse(text).sources).toBeUndefined();
  });

  it("names the event kind and source id from their words", () => {
    expect(eventKindOf("State visit of the President of Chile")).toBe("state_visit");
    expect(eventKindOf("Ninth session of the Joint Commission")).toBe("commission_session");
    expect(eventKindOf("A press conference")).toBe("other");
    expect(sourceIdOf("not a url", undefined)).toBe("drafted-source");
  });
});
