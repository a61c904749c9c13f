/**
 * Deadlines: dates, months, years and spans read from a sentence, history left
 * out, and the next session in a place as a `host` commitment with its target.
 */
import { describe, expect, it } from "vitest";
import { deadlineIn, readDate } from "../../../src/lib/drafting/deadlines.js";
import { draftText } from "../../../src/lib/drafting/draft-text.js";
import { INVENTED_CONTEXT, pressRelease } from "./invented-context.js";

describe("deadlines", () => {
  it.each([
    ["The plan is to be ready by December 2025.", "2025-12", "month"],
    ["A stamp will be issued on 16 December 2025.", "2025-12-16", "day"],
    ["The fair will open on March 4, 2026.", "2026-03-04", "day"],
    ["They will meet again in 2026.", "2026", "year"],
    ["The programme covers the 2027–2028 term.", "2027/2028", "span"],
    ["It runs from 2025 to 2027.", "2025/2027", "span"],
    ["The sides will hold a summit in December.", "2025-12", "month"],
  ])("%s → %s", (sentence, value, precision) => {
    expect(deadlineIn(sentence, "2025-03-03")).toMatchObject({ value, precision });
  });

  it("leaves out dates before the event and the event's own day", () => {
    expect(deadlineIn("The treaty of 2019 was recalled.", "2025-03-03")).toBeUndefined();
    expect(deadlineIn("They met on 3 March 2025.", "2025-03-03")).toBeUndefined();
    expect(readDate("nothing here")).toBeUndefined();
  });

  it("drafts the next session in a place as a host commitment with its target", () => {
    const text = pressRelease(
      "OSLO, 3 March 2025 — Norway and Chile held their fourth joint commission on Monday.",
      "The sides agreed that the next session of the commission will be held in Santiago in 2026.",
    );
    const [c] = draftText({ text }, INVENTED_CONTEXT).commitments;
    expect(c).toMatchObject({ action: "host", strength: "firm", target_date: "2026" });
    expect(c?.target_event_hint).toBe("next session in Santiago");
  });
});
