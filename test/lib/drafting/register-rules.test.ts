/**
 * The diplomatic register on short invented sentences: what makes a
 * commitment and its action and strength, and the traps that do not.
 */
import { describe, expect, it } from "vitest";
import { draftText } from "../../../src/lib/drafting/draft-text.js";
import {
  backgroundReason,
  findTriggers,
  strengthOf,
  trapHolds,
  trapOf,
} from "../../../src/lib/drafting/register-rules.js";
import { INVENTED_CONTEXT, pressRelease } from "./invented-context.js";

const TEXT_DATE = "OSLO, 3 March 2025 — Norway and Chile held their fourth joint commission on Monday.";

/** The actions and strengths drafted from one sentence placed after a dateline. */
function drafted(sentence: string) {
  const result = draftText({ text: pressRelease(TEXT_DATE, sentence) }, INVENTED_CONTEXT);
  return result.commitments.filter((c) => c.sentence.index === 1).map((c) => `${c.action}/${c.strength}`);
}

describe("triggers", () => {
  it.each([
    ["The two sides agreed to set up a council on salmon farming.", "agreed/intent"],
    ["Norway and Chile signed a memorandum on ocean research.", "signed/firm"],
    ["The ministers agreed to sign an agreement on double taxation.", "will_sign/intent"],
    ["The next session will be held in Santiago in 2026.", "host/firm"],
    ["Chile called for the energy agreement to be put into effect soon.", "explore/exploratory"],
    ["The sides agreed to implement the climate action plan.", "implement/intent"],
    ["Norway will facilitate visits of Chilean exporters to trade fairs.", "facilitate/intent"],
    ["Both countries agreed to renew the agreement on cultural exchange.", "renew/intent"],
    ["Norway pledged to train Chilean veterinarians.", "committed/intent"],
    ["They agreed to explore cooperation in hydropower.", "explore/exploratory"],
    ["Norway will host a trade fair on 12 June 2025.", "host/firm"],
  ])("%s → %s", (sentence, expected) => {
    expect(drafted(sentence)).toEqual([expected]);
  });

  it("says which words matched", () => {
    const result = draftText(
      { text: pressRelease(TEXT_DATE, "The sides agreed to study hydropower.") },
      INVENTED_CONTEXT,
    );
    expect(result.commitments[0]?.reasons[0]).toContain('"agreed"');
  });
});

describe("traps", () => {
  it.each([
    ["background history", "In 2015 the two countries signed a treaty of friendship."],
    ["past perfect background", "The ministries had implemented the decisions of the third session."],
    ["agenda list", "The meeting discussed trade, energy, culture and education."],
    ["praise", "The ministers praised the fisheries cooperation, which will keep growing."],
    ["importance", "Both sides underlined the importance of climate cooperation, which would benefit both peoples."],
    ["thanks", "The Chilean minister thanked Norway for the support it will give."],
    ["past delivery", "Trade grew by 20 percent last year and will keep growing."],
    [
      "welcomed a past opening",
      "They welcomed the opening of a Norwegian trade office in Santiago, which will serve exporters.",
    ],
    ["a count of documents listed later", "The two governments signed five new agreements on Monday."],
    ["a general remark", "The sides agreed on closer cooperation across key sectors."],
    ["a restatement of the sentence before", "This will help exporters in both countries."],
  ])("%s is not a commitment", (_, sentence) => {
    expect(drafted(sentence)).toEqual([]);
  });

  it("a trap does not hide a real commitment in the same sentence", () => {
    expect(drafted("Praising the progress so far, the ministers agreed to set up a fisheries council.")).toEqual([
      "agreed/intent",
    ]);
  });

  it("exposes the trap and background rules", () => {
    const lower = "both sides underlined the importance of trade.";
    expect(trapOf(lower)).toBe("importance or praise");
    expect(trapHolds(findTriggers(lower), "importance or praise")).toBe(true);
    const past = "in 2015 the two countries signed a treaty.";
    expect(backgroundReason(past, findTriggers(past), 2025)).toMatch(/history/);
  });
});

describe("strength", () => {
  it("a dated plan is firm, an aim with a year is intent, a request exploratory", () => {
    expect(strengthOf("agreed", "they agreed to meet in june", { precision: "month" })).toBe("firm");
    expect(strengthOf("committed", "they aim to raise trade in 2026", { precision: "year" })).toBe("intent");
    expect(strengthOf("will_sign", "they stressed that it should be concluded", undefined)).toBe("exploratory");
    expect(strengthOf("signed", "signed", undefined)).toBe("firm");
  });
});
