/**
 * A problem of the reviewed file put back on what it concerns: an event
 * field, a draft's field (by key), a proposed institution, or the file.
 */
import { describe, expect, it } from "vitest";
import { placeOf, placeProblems } from "../../../src/lib/drafting/review-problems.js";

const YAML = `sources:
  - id: s
institutions:
  - id: no-sc
event:
  id: ev
commitments:
  - id: ev-s1
  - id: ev-s4-2
`;

describe("placeOf", () => {
  const commitments = ["ev-s1", "ev-s4-2"];
  it("reads events, sources, commitments and institutions back", () => {
    expect(placeOf("event.start_date", commitments, [])).toEqual({ target: "event", field: "start_date" });
    expect(placeOf("event.id", commitments, [])).toEqual({ target: "event", field: "title" });
    expect(placeOf("sources[0].url", commitments, [])).toEqual({ target: "event", field: "source_url" });
    expect(placeOf("commitments[1].parties[0].institution", commitments, [])).toEqual({
      target: "commitment",
      id: "ev-s4-2",
      field: "parties",
    });
    expect(placeOf("institutions[0].country", commitments, ["no-sc"])).toEqual({
      target: "institution",
      id: "no-sc",
      field: "country",
    });
  });
  it("leaves the rest to the file", () => {
    expect(placeOf(undefined, commitments, [])).toEqual({ target: "file" });
    expect(placeOf("commitments[7].sector", commitments, [])).toEqual({ target: "file" });
  });
});

describe("placeProblems", () => {
  it("words each problem as npm run validate prints it", () => {
    const placed = placeProblems(
      [
        {
          severity: "error",
          file: "x.yaml",
          line: 8,
          field: "commitments[0].sector",
          value: '"nope"',
          message: "is not a known sector",
        },
      ],
      YAML,
    );
    expect(placed).toEqual([
      {
        target: "commitment",
        id: "ev-s1",
        field: "sector",
        severity: "error",
        text: 'error x.yaml:8  commitments[0].sector  "nope" is not a known sector',
      },
    ]);
  });
});
