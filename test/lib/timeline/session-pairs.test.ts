import { describe, expect, it } from "vitest";
import {
  defaultLater,
  defaultSeries,
  earlierSession,
  laterChoices,
  partnerLinks,
  type SeriesSession,
  sessionLabel,
} from "../../../src/lib/timeline/session-pairs.js";

const JMC = "Pakistan–Belarus Joint Ministerial Commission";
const JWG = "Pakistan–Belarus Joint Working Group on Industrial Cooperation";

function session(series: string, n: number, commitments: number): SeriesSession {
  return {
    id: `${series === JMC ? "jmc" : "jwg"}-${n}`,
    series,
    session: n,
    title: `${n}`,
    status: "held",
    start_date: null,
    start_date_from: null,
    place: null,
    commitments,
  };
}

const sessions = [
  session(JWG, 1, 2),
  session(JWG, 2, 0),
  session(JMC, 6, 3),
  session(JMC, 7, 4),
  session(JMC, 8, 5),
  session(JMC, 9, 0),
];

describe("sessionLabel", () => {
  it("uses the series' own short name when the records give one, else its initials", () => {
    expect(sessionLabel(session(JMC, 8, 1))).toBe("8th JMC");
    const jpcc = {
      series: "Pakistan–Belarus Joint Permanent Commission on Cooperation",
      series_short: "JPCC",
      session: 3,
    };
    expect(sessionLabel(jpcc)).toBe("3rd JPCC");
  });
});

describe("the follow-up section's choices", () => {
  it("shows the JMC first (which series have pairs is followUpSeries, in SQL)", () => {
    expect(defaultSeries([JWG, JMC])).toBe(JMC);
    expect(defaultSeries([JWG])).toBe(JWG);
    expect(defaultSeries([])).toBeUndefined();
  });
  it("offers later sessions with commitments and picks the latest consecutive pair", () => {
    const list = sessions.filter((s) => s.series === JMC);
    expect(laterChoices(list).map((s) => s.session)).toEqual([7, 8]);
    expect(defaultLater(list)?.session).toBe(8);
  });
  it("compares with the last earlier session that has commitments", () => {
    const list = [session(JMC, 5, 1), session(JMC, 6, 0), session(JMC, 7, 2)];
    expect(earlierSession(list, list[2])?.session).toBe(5);
    expect(earlierSession(list, list[0])).toBeNull();
    expect(earlierSession(list, null)).toBeNull();
  });
});

describe("partner links", () => {
  it("link each recurring commitment to its partner, both ways, and nothing else", () => {
    const before = { id: "a", event_id: "jmc-7", sector: "industry", summary: "Build buses" };
    const after = { id: "b", event_id: "jmc-8", sector: "industry", summary: "Assemble buses" };
    const gone = { id: "c", event_id: "jmc-7", sector: "energy", summary: "Study a dam" };
    const links = partnerLinks(
      [
        { kind: "recurs", before, after },
        { kind: "disappeared", before: gone },
      ],
      session(JMC, 7, 2),
      session(JMC, 8, 1),
    );
    expect(sessionLabel(session(JMC, 8, 1))).toBe("8th JMC");
    expect([...links.keys()].sort()).toEqual(["a", "b"]);
    expect(links.get("a")).toEqual([{ label: "Recurs at the 8th JMC: Assemble buses", id: "b" }]);
    expect(links.get("b")).toEqual([{ label: "Made before at the 7th JMC: Build buses", id: "a" }]);
  });
});
