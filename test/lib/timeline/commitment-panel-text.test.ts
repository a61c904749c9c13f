/**
 * What the commitment panel says as text (src/lib/timeline/commitment-panel-text.ts):
 * when a commitment falls due, and every source it cites once with what for.
 */
import { describe, expect, it } from "vitest";
import {
  dueParts,
  type PanelDetail,
  type PanelUpdate,
  panelSources,
  statusLabel,
} from "../../../src/lib/timeline/commitment-panel-text.js";

const detail: PanelDetail = {
  id: "c1",
  summary: "Open a trade house",
  date: "2019-05",
  event: "JMC 5",
  event_date: "2019-05-10",
  event_place: "Minsk",
  sector_label: "Trade",
  sector_color: "#123456",
  action: "establish",
  strength: "firm",
  status: "done",
  status_date: "2021",
  target_date: null,
  target_event: null,
  target_event_date: null,
  target_note: null,
  deadline: null,
  overdue: false,
  parties: null,
  confidence: "high",
  note: null,
  locator: "p. 3",
  source_title: "Protocol of JMC 5",
  source_publisher: "MFA",
  source_url: "https://example.org/protocol",
  source_published: null,
};

const update = (id: string, over: Partial<PanelUpdate> = {}): PanelUpdate => ({
  id,
  date: "2020",
  status: "in_progress",
  summary: "Work began",
  locator: null,
  confidence: "high",
  note: null,
  event: null,
  source_title: "News",
  source_publisher: "Agency",
  source_url: "https://example.org/news",
  ...over,
});

describe("dueParts", () => {
  it("is empty when the records say nothing of when it falls due", () => {
    expect(dueParts(detail)).toEqual([]);
  });

  it("gives the target date, the target event with its date, and the note, in that order", () => {
    expect(
      dueParts({
        ...detail,
        target_date: "2026-03",
        target_event: "JMC 9",
        target_event_date: "2026-06-01",
        target_note: "or earlier",
      }),
    ).toEqual(["Mar 2026", "JMC 9 (1 Jun 2026)", "or earlier"]);
    expect(dueParts({ ...detail, target_event: "JMC 9" })).toEqual(["JMC 9"]);
    expect(dueParts({ ...detail, target_note: "" })).toEqual([]);
  });
});

describe("panelSources", () => {
  it("cites the commitment's source first, with its locator", () => {
    expect(panelSources(detail, [])).toEqual([
      {
        title: "Protocol of JMC 5",
        publisher: "MFA",
        url: "https://example.org/protocol",
        what: ["the commitment (p. 3)"],
      },
    ]);
  });

  it("lists a source once, with everything it is cited for", () => {
    const sources = panelSources(detail, [
      update("u1"),
      update("u2", { status: "done", locator: "§2" }),
      update("u3", { status: "stalled", source_url: "https://example.org/protocol" }),
    ]);
    expect(sources.map((s) => [s.url, s.what])).toEqual([
      ["https://example.org/protocol", ["the commitment (p. 3)", "Stalled update"]],
      ["https://example.org/news", ["In progress update", "Done update (§2)"]],
    ]);
  });

  it("names a status the vocabulary does not know by its code", () => {
    expect(statusLabel("done")).toBe("Done");
    expect(statusLabel("mystery")).toBe("mystery");
    expect(panelSources(detail, [update("u1", { status: "mystery" })])[1].what).toEqual(["mystery update"]);
  });
});
