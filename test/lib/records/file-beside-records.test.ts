/**
 * A record file checked on its own beside a data folder known by its ids:
 * references to the folder's records resolve, unknown ones and reused ids
 * are errors, schema problems are worded as npm run validate words them.
 */
import { describe, expect, it } from "vitest";
import { checkFileBesideRecords } from "../../../src/lib/records/file-beside-records.js";

const FILE = `event:
  id: ev-new
  title: A new session
  kind: commission_session
  start_date: 2025-03-03
  source_ids: [src-a]
  confidence: medium
commitments:
  - id: ev-new-s1
    sector: trade
    summary: The sides agreed to trade more.
    action: agreed
    strength: intent
    confidence: medium
    source_id: src-a
    parties: [gov-a, gov-b]
`;
const OUTSIDE = { sectors: ["trade"], sources: ["src-a"], institutions: ["gov-a", "gov-b"], events: ["ev-old"] };

describe("checkFileBesideRecords", () => {
  it("finds nothing wrong when every reference is to the folder's records", () => {
    expect(checkFileBesideRecords(FILE, "draft.yaml", OUTSIDE).filter((p) => p.severity === "error")).toEqual([]);
  });

  it("reports references the folder does not hold, as the validator does", () => {
    const problems = checkFileBesideRecords(FILE, "draft.yaml", { ...OUTSIDE, institutions: ["gov-a"] });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: "error",
        file: "draft.yaml",
        field: "commitments[0].parties[1].institution",
        value: '"gov-b"',
      }),
    ]);
    expect(problems[0]?.message).toMatch(/is not a known institution/);
  });

  it("reports an id the folder already uses", () => {
    const problems = checkFileBesideRecords(FILE.replace("id: ev-new\n", "id: ev-old\n"), "draft.yaml", OUTSIDE);
    expect(problems.map((p) => `${p.field} ${p.message}`)).toContain(
      "event.id is a duplicate: already used in the data folder",
    );
  });

  it("reports schema problems and broken YAML with their line", () => {
    const bad = checkFileBesideRecords(FILE.replace("strength: intent", "strength: huge"), "draft.yaml", OUTSIDE);
    expect(bad).toEqual([expect.objectContaining({ field: "commitments[0].strength", line: 13 })]);
    const broken = checkFileBesideRecords("event: [", "draft.yaml", OUTSIDE);
    expect(broken[0]?.message).toMatch(/is not valid YAML/);
  });
});
