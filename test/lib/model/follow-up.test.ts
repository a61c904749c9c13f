import { describe, expect, it } from "vitest";
import {
  contentWords,
  defaultPair,
  followUpCounts,
  matchSessions,
  type SessionCommitment,
  similarity,
} from "../../../src/lib/model/follow-up.js";
import { loadDataset } from "../../../src/lib/pipeline/dataset.js";

const c = (id: string, event_id: string, sector: string, summary: string, extra: Partial<SessionCommitment> = {}) => ({
  id,
  event_id,
  sector,
  summary,
  ...extra,
});

describe("contentWords and similarity", () => {
  it("drops common words and light endings", () => {
    expect(contentWords("The sides agreed to explore producing electric buses jointly.")).toEqual([
      "bus",
      "electric",
      "explore",
      "produc",
    ]);
  });
  it("scores Dice over shared words", () => {
    const { score, shared } = similarity(["a1", "bus", "electric"], ["bus", "electric", "tractor", "x1"]);
    expect(shared).toEqual(["bus", "electric"]);
    expect(score).toBeCloseTo(4 / 7);
  });
});

describe("matchSessions", () => {
  const before = [
    c("a-ebus", "s7", "industry", "The commission looked at producing electric buses jointly."),
    c("a-textile", "s7", "textiles", "A memorandum on textile cooperation was signed."),
    c("a-prepare", "s7", "political", "Both sides started preparing the next session.", { target_event_id: "s8" }),
    c("a-report", "s7", "trade", "Trade figures were reviewed.", { update_events: ["s8"] }),
  ];
  const after = [
    c("b-assembly", "s8", "industry", "Joint plants to assemble tractors and electric buses."),
    c("b-textile", "s8", "health", "A memorandum on textile cooperation was signed."),
    c("b-new", "s8", "media", "The broadcasters will renew their agreement."),
  ];

  it("pairs recurring commitments, keeps explicit follow-ups, finds the disappeared and the new", () => {
    const rows = matchSessions(before, after, "s8");
    expect(rows.map((r) => [r.kind, r.before?.id ?? null, r.after?.id ?? null])).toEqual([
      ["recurs", "a-ebus", "b-assembly"],
      ["followed_up", "a-prepare", null],
      ["followed_up", "a-report", null],
      ["disappeared", "a-textile", null],
      ["new", null, "b-textile"],
      ["new", null, "b-new"],
    ]);
    expect(rows[0].shared).toEqual(["bus", "electric"]);
    expect(followUpCounts(rows)).toEqual({ recurs: 1, followed_up: 2, disappeared: 1, new: 2 });
  });

  it("does not match across sectors, even with the same wording", () => {
    const rows = matchSessions(before, after, "s8");
    expect(rows.find((r) => r.before?.id === "a-textile")?.kind).toBe("disappeared");
  });

  it("matches one to one, best pair first, whatever the input order", () => {
    const b = [
      c("x1", "s7", "energy", "Solar power plants and grid links."),
      c("x2", "s7", "energy", "Solar power plants and grid links and hydro dams."),
    ];
    const a = [c("y1", "s8", "energy", "Solar power plants and grid links.")];
    const rows = matchSessions(b, a, "s8");
    const reversed = matchSessions([...b].reverse(), a, "s8");
    expect(rows).toEqual(reversed);
    expect(rows.filter((r) => r.kind === "recurs").map((r) => r.before?.id)).toEqual(["x1"]);
    expect(rows.find((r) => r.before?.id === "x2")?.kind).toBe("disappeared");
  });

  it("needs two shared words", () => {
    const rows = matchSessions(
      [c("p", "s7", "trade", "A trade roadmap was agreed.")],
      [c("q", "s8", "trade", "Trade in food will grow.")],
      "s8",
    );
    expect(rows.map((r) => r.kind)).toEqual(["disappeared", "new"]);
  });

  it("on the bundled records, 7th → 8th JMC: the e-bus work recurs, preparing the 8th was followed up", () => {
    const tables = loadDataset("data").tables;
    if (!tables) throw new Error("data/ is not valid");
    const updates = (id: string) =>
      tables.status_updates.filter((u) => u.commitment_id === id).map((u) => u.event_id as string | null);
    const session = (event: string) =>
      tables.commitments
        .filter((x) => x.event_id === event)
        .map((x) => ({
          id: x.id as string,
          event_id: event,
          sector: x.sector as string,
          summary: x.summary as string,
          target_event_id: x.target_event_id as string | null,
          update_events: updates(x.id as string),
        }));
    const seventh = session("pk-by-jmc-7");
    const eighth = session("pk-by-jmc-8");
    const rows = matchSessions(seventh, eighth, "pk-by-jmc-8");
    expect(rows.find((r) => r.before?.id === "pk-by-jmc-7-ebus")?.after?.id).toBe("pk-by-jmc-8-tractor-ebus-assembly");
    expect(rows.find((r) => r.before?.id === "pk-by-jmc-7-prepare-jmc-8")?.kind).toBe("followed_up");
    // Every commitment of both sessions appears exactly once.
    const seen = rows.flatMap((r) => [r.before?.id, r.after?.id]).filter(Boolean);
    expect(seen.sort()).toEqual([...seventh, ...eighth].map((x) => x.id).sort());
  });
});

describe("defaultPair", () => {
  it("takes the latest two consecutive sessions with commitments", () => {
    const s = (session: number, commitments: number) => ({ id: `s${session}`, session, commitments });
    expect(defaultPair([s(2, 3), s(4, 5), s(6, 2), s(7, 5), s(8, 28), s(9, 0)])?.map((x) => x.id)).toEqual([
      "s7",
      "s8",
    ]);
    expect(defaultPair([s(2, 3), s(4, 5)])?.map((x) => x.id)).toEqual(["s2", "s4"]);
    expect(defaultPair([s(2, 3), s(3, 0)])).toBeNull();
  });
});
