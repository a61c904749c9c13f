import { describe, expect, it } from "vitest";
import {
  TIMELINE_TITLE,
  timelineCount,
  timelineEmbedDetail,
  timelineHeading,
  timelineLoadingCaption,
  timelinePageCaption,
  timelineSourceLine,
} from "../../../src/lib/timeline/timeline-caption.js";

const YEAR = { from: "2025-01-01", to: "2025-12-31" };

describe("the timeline's counts in words", () => {
  it("names the page's window from day to day, or says all", () => {
    expect(timelineCount(1204, YEAR)).toBe("1,204 commitments from 1 Jan 2025 to 31 Dec 2025");
    expect(timelineCount(1, null)).toBe("1 commitments in all");
  });
  it("the heading adds how to read the marks and today", () => {
    expect(timelineHeading(3, null, "2026-11-27")).toBe(
      "3 commitments in all · shape = how binding · colour = latest status · hollow = target · red ring = overdue · dashed red rule = today (27 Nov 2026)",
    );
  });
  it("the embed's detail agrees in number and names a one-day window once", () => {
    expect(timelineEmbedDetail(1, YEAR)).toBe("1 commitment from 1 Jan 2025 – 31 Dec 2025");
    expect(timelineEmbedDetail(2, { from: "2025-03-04", to: "2025-03-04" })).toBe("2 commitments from 4 Mar 2025");
    expect(timelineEmbedDetail(0, null)).toBe("0 commitments in all");
  });
});

describe("the timeline's caption", () => {
  const sources = [
    { publisher: "BelTA", n: 4 },
    { publisher: "MoFA", n: 2 },
  ];
  it("says what is drawn, the filters, the sources and the data's date", () => {
    const caption = timelinePageCaption({
      total: 6,
      window: YEAR,
      today: "2026-11-27",
      filters: "sector: Industry",
      sources,
      latestSource: "2025-06",
    });
    expect(caption).toEqual({
      title: TIMELINE_TITLE,
      lines: [
        "6 commitments from 1 Jan 2025 to 31 Dec 2025 · today = 27 Nov 2026 · Filters: sector: Industry",
        "Sources: BelTA (4), MoFA (2). Data as of Jun 2025.",
      ],
    });
  });
  it("without filters says so; before the data it says it is loading", () => {
    const caption = timelinePageCaption({
      total: 0,
      window: null,
      today: "2026-11-27",
      filters: "",
      sources: [],
      latestSource: null,
    });
    expect(caption.lines[0]).toBe("0 commitments in all · today = 27 Nov 2026 · All commitments, no filter");
    expect(caption.lines[1]).toBe("Sources: none cited. Data as of .");
    expect(timelineLoadingCaption()).toEqual({ title: TIMELINE_TITLE, lines: ["Loading…"] });
  });
  it("the source line under the chart", () => {
    expect(timelineSourceLine(sources, "2025-06-02")).toBe(
      "Sources: BelTA (4), MoFA (2). Each mark's panel links its own. Data as of 2 Jun 2025.",
    );
  });
});
