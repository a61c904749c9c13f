/**
 * The review of a draft: decisions and changes kept as data, carried over a
 * new draft of the same text, applied to the event file (only accepted
 * drafts, changes written), new institutions with ids of their own, the
 * file's name.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  acceptedKeys,
  addInstitution,
  decide,
  decideAll,
  editDraft,
  keyTail,
  reviewCounts,
  reviewFileName,
  reviewYaml,
  startReview,
} from "../../../src/lib/drafting/draft-review.js";
import { draftText } from "../../../src/lib/drafting/draft-text.js";
import { INVENTED_CONTEXT, pressRelease } from "./invented-context.js";

const TEXT = pressRelease(
  "OSLO, 3 March 2025 — Norway and Chile signed a memorandum on salmon farming at the fourth session of their Joint Fisheries Commission.",
  "The Norwegian Directorate of Aquaculture and the NVA agreed to exchange inspectors.",
  "The sides agreed to hold the next session in Santiago in 2026.",
);
const draft = (event = {}) =>
  draftText({ text: TEXT, event: { source_url: "https://www.example.org/news/1", ...event } }, INVENTED_CONTEXT);
const result = draft();
const keys = result.commitments.map((c) => c.key);

describe("the review of a draft", () => {
  it("starts with every draft to decide and nothing in the file", () => {
    const review = startReview(result);
    expect(keys.length).toBe(3);
    expect(reviewCounts(review)).toEqual({ pending: 3, accepted: 0, rejected: 0 });
    expect(parse(reviewYaml(review)).commitments).toEqual([]);
  });

  it("writes only the accepted drafts, with the reviewer's changes", () => {
    let review = decideAll(startReview(result), "accepted");
    review = decide(review, keys[1] as string, "rejected");
    review = editDraft(review, keys[0] as string, { sector: "trade", strength: "intent", target_date: "2026" });
    review = editDraft(review, keys[2] as string, { target_date: "", parties: ["no-gov"] });
    expect([...acceptedKeys(review)]).toEqual([keys[0], keys[2]]);
    const doc = parse(reviewYaml(review));
    expect(doc.commitments.map((c: { id: string }) => c.id)).toEqual([keys[0], keys[2]]);
    expect(doc.commitments[0]).toMatchObject({ sector: "trade", strength: "intent", target_date: "2026" });
    expect(doc.commitments[1].target_date).toBeUndefined();
    expect(doc.commitments[1].parties).toEqual(["no-gov"]);
    expect(doc.commitments[0].note).toMatch(/the \/draft page/);
    expect(reviewCounts(review)).toEqual({ pending: 0, accepted: 2, rejected: 1 });
  });

  it("keeps decisions and changes over a new draft with another title", () => {
    let review = decide(startReview(result), keys[1] as string, "accepted");
    review = editDraft(review, keys[1] as string, { action: "explore" });
    const again = draft({ title: "Fourth session of the Norway–Chile fisheries commission" });
    expect(again.event.id).not.toBe(result.event.id);
    const next = startReview(again, review);
    const key = again.commitments[1]?.key as string;
    expect(keyTail(key)).toBe(keyTail(keys[1] as string));
    expect(next.decisions[key]).toBe("accepted");
    expect(next.edits[key]).toEqual({ action: "explore" });
    expect(reviewCounts(next).accepted).toBe(1);
  });

  it("adds a new institution with an unused id and writes it when a draft names it", () => {
    const review = decide(startReview(result), keys[0] as string, "accepted");
    const taken = new Set(INVENTED_CONTEXT.institutions.map((i) => i.id));
    const first = addInstitution(
      review,
      { name: "Salmon Council", acronym: "SC", scope: "national", country: "NO", type: "agency" },
      taken,
    );
    expect(first.id).toBe("no-sc");
    const second = addInstitution(
      first.review,
      { name: "Salmon Council", acronym: "SC", scope: "national", country: "NO", type: "agency" },
      taken,
    );
    expect(second.id).toBe("no-sc-2");
    const joint = addInstitution(
      second.review,
      { name: "Joint Salmon Board", scope: "joint", members: ["NO", "CL"], country: "NO", type: "other" },
      taken,
    );
    expect(joint.id).toBe("joint-joint-salmon-board");
    const withParty = editDraft(joint.review, keys[0] as string, { parties: [first.id, joint.id] });
    const doc = parse(reviewYaml(withParty));
    const written = doc.institutions.filter((i: { id: string }) => i.id === first.id || i.id === joint.id);
    expect(written).toEqual([
      expect.objectContaining({ id: "no-sc", name: "Salmon Council", acronym: "SC", country: "NO", type: "agency" }),
      expect.objectContaining({ id: "joint-joint-salmon-board", scope: "joint", members: ["NO", "CL"] }),
    ]);
    expect(written[1].country).toBeUndefined();
  });

  it("names the file by date and event id", () => {
    expect(reviewFileName(startReview(result))).toBe(`2025-03-03-${result.event.id}.yaml`);
    expect(reviewFileName(startReview({ ...result, event: { id: "x", title: "X" } }))).toBe("undated-x.yaml");
  });
});
