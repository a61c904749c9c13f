/**
 * Weak wording on short invented sentences: the importance of building a
 * concrete mechanism, a concrete programme singled out as an area of
 * cooperation, and talks focused on a partnership of named bodies give an
 * exploratory draft of low confidence that says its wording is weak; the same
 * wording about relations, cooperation or ties in general stays a trap.
 */
import { describe, expect, it } from "vitest";
import { draftText } from "../../../src/lib/drafting/draft-text.js";
import { findWeakWording } from "../../../src/lib/drafting/weak-wording.js";
import { INVENTED_CONTEXT, pressRelease } from "./invented-context.js";

const TEXT_DATE = "OSLO, 3 March 2025 — Norway and Chile held their fourth joint commission on Monday.";

/** The drafts of one sentence placed after a dateline. */
function draftsOf(sentence: string) {
  const result = draftText({ text: pressRelease(TEXT_DATE, sentence) }, INVENTED_CONTEXT);
  return result.commitments.filter((c) => c.sentence.index === 1);
}

const kinds = (sentence: string) => draftsOf(sentence).map((c) => `${c.action}/${c.strength}/${c.confidence}`);

describe("weak wording that names something concrete", () => {
  it.each([
    [
      "importance of building a mechanism",
      "Both sides acknowledged the importance of establishing direct shipping lines between Norwegian and Chilean ports.",
    ],
    [
      "importance of setting up a centre",
      "The ministers stressed the importance of setting up a joint salmon research centre.",
    ],
    [
      "a programme singled out",
      "Exchange programmes for young veterinarians and fish farmers were highlighted as an important area of cooperation.",
    ],
    ["projects identified as a priority", "Hydropower projects were identified as a priority field."],
    [
      "a partnership of named bodies",
      "The sides focused on deepening the partnership between the Norwegian Veterinary Agency and Sernapesca, with joint inspections of salmon farms.",
    ],
  ])("%s is an exploratory draft of low confidence", (_, sentence) => {
    const drafts = draftsOf(sentence);
    expect(drafts.map((c) => `${c.action}/${c.strength}/${c.confidence}`)).toEqual(["agreed/exploratory/low"]);
    expect(drafts[0]?.reasons.join(" ")).toMatch(/weak wording/);
  });

  it("a partnership of named bodies has them as its parties", () => {
    const [draft] = draftsOf(
      "Both delegations concentrated on expanding cooperation between the NVA and Sernapesca on salmon health.",
    );
    expect(draft?.parties).toEqual(["no-nva", "cl-sernapesca"]);
  });

  it("a firmer trigger in the sentence keeps its own action, the weak wording its clause", () => {
    expect(
      kinds(
        "Norway pledged to fund a salmon research centre, and both sides acknowledged the importance of opening a direct flight route.",
      ),
    ).toEqual(["committed/intent/low", "agreed/exploratory/low"]);
  });
});

describe("the same wording in general stays a trap", () => {
  it.each([
    ["importance of cooperation", "Both sides underlined the importance of strengthening bilateral cooperation."],
    [
      "importance of relations",
      "The ministers stressed the importance of developing relations between the business communities of both countries.",
    ],
    ["importance of a body, no building", "Both sides acknowledged the importance of the fisheries working group."],
    ["topics singled out", "Trade and energy were highlighted as important areas of cooperation."],
    ["a sector singled out", "Tourism was identified as a promising field."],
    ["a partnership of countries", "The talks focused on expanding cooperation between Norway and Chile."],
    ["a partnership in general", "Both delegations focused on strengthening ties between the two countries."],
    [
      "a partnership of generic bodies",
      "The sides focused on deepening cooperation between the private sectors of both countries.",
    ],
  ])("%s is not a commitment", (_, sentence) => {
    expect(kinds(sentence)).toEqual([]);
  });
});

describe("findWeakWording", () => {
  it("names the rule and whether a named body must follow", () => {
    const found = findWeakWording(
      "both sides focused on enhancing the partnership between a and b; they noted the importance of launching joint projects.",
    );
    expect(found.map((w) => [w.rule, w.needsNamedBody])).toEqual([
      ["talks focused on a partnership of named bodies", true],
      ["importance of building a concrete mechanism", false],
    ]);
  });

  it("does not reach past a clause break for its mechanism", () => {
    expect(findWeakWording("they acknowledged the importance of fostering trade, with new projects to come.")).toEqual(
      [],
    );
  });
});
