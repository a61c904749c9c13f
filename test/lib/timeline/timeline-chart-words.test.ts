import { describe, expect, it } from "vitest";
import type { MarkRow } from "../../../src/lib/sql/timeline-queries.js";
import {
  cellTooltip,
  chartLabel,
  compactNumber,
  laneListLabel,
  laneName,
  laneToggleLabel,
  markLabel,
  markListLabel,
  markTooltip,
  modeNote,
  rangeText,
  ruleTitle,
  statusLabel,
  truncate,
  truncateAtWord,
} from "../../../src/lib/timeline/timeline-chart-words.js";

const mark: MarkRow = {
  id: "c1",
  sector: "energy",
  summary: "Build a plant",
  action: "sign_agreement",
  strength: "firm",
  status: "in_progress",
  update_count: 1,
  date: "2025-03-04",
  date_precision: "day",
  date_from: "2025-03-04",
  date_to: "2025-03-04",
  target_date: "2026-06",
  target_date_precision: "month",
  target_date_from: "2026-06-01",
  target_date_to: "2026-06-30",
  target_event_id: "e9",
  target_event: "9th JMC",
  target_note: null,
  deadline: "2026-06-30",
  overdue: true,
  event_id: "e8",
  event: "8th JMC",
};

describe("the chart's words", () => {
  it("names a window once when it is a single day", () => {
    expect(rangeText({ from: "2025-01-01", to: "2025-12-31" })).toBe("1 Jan 2025 – 31 Dec 2025");
    expect(rangeText({ from: "2025-01-01", to: "2025-01-01" })).toBe("1 Jan 2025");
    expect(chartLabel(1234, { from: "2025-01-01", to: "2025-01-01" })).toBe(
      "Timeline of 1,234 commitments by sector, 1 Jan 2025",
    );
  });
  it("says how many marks are drawn, or why the lanes show counts", () => {
    const window = { from: "2025-01-01", to: "2025-12-31" };
    expect(modeNote("marks", 9, 1, window)).toBe("1 commitment drawn, 1 Jan 2025 – 31 Dec 2025.");
    expect(modeNote("marks", 9, 2, window)).toMatch(/^2 commitments drawn/);
    expect(modeNote("density", 12000, 0, window)).toMatch(/^12,000 commitments are too many/);
  });
  it("names a mark by its summary, date and status, and says when it is overdue", () => {
    expect(markLabel(mark)).toBe("Build a plant · 4 Mar 2025 · In progress · overdue");
    expect(markLabel({ ...mark, overdue: false, status: "odd" })).toBe("Build a plant · 4 Mar 2025 · odd");
  });
  it("writes a mark's tooltip with its target, or its note without a deadline", () => {
    expect(markTooltip(mark)).toEqual([
      "Build a plant",
      "4 Mar 2025 · 8th JMC",
      "Sign agreement · Firm · In progress (1 update)",
      "Due: Jun 2026 · 9th JMC — overdue",
      "Click for details and sources",
    ]);
    const open = { ...mark, deadline: null, target_note: "when funded", update_count: 0 };
    expect(markTooltip(open).slice(2, 4)).toEqual(["Sign agreement · Firm · In progress", "Due: when funded"]);
  });
  it("writes a density cell's tooltip, a year bin as a year", () => {
    const d = { sector: "energy", bin: "year" as const, start: "2024-01-01", n: 1200, overdue: 3, done: 40 };
    expect(cellTooltip("Energy", d).slice(0, 3)).toEqual([
      "Energy · 2024 (dated to the year only)",
      "1,200 commitments",
      "40 done · 3 overdue",
    ]);
    expect(cellTooltip("Energy", { ...d, bin: "month", start: "2024-05-01" })[0]).toBe("Energy · May 2024");
  });
  it("titles a rule with its place, and its status unless held", () => {
    const e = { title: "9th JMC", start_date: "2025-09", place: null, status: "planned" };
    expect(ruleTitle(e)).toBe("9th JMC · Sep 2025 (planned)");
    expect(ruleTitle({ ...e, place: "Minsk", status: "held" })).toBe("9th JMC · Sep 2025 · Minsk");
  });
  it("names the body whose session a rule is, unless its title already does", () => {
    const e = { title: "3rd JPCC", start_date: "2025-03-11", place: null, status: "held" };
    expect(ruleTitle({ ...e, series_body: "Joint Permanent Commission" })).toBe(
      "3rd JPCC · session of Joint Permanent Commission · 11 Mar 2025",
    );
    expect(
      ruleTitle({ ...e, title: "3rd Joint Permanent Commission", series_body: "Joint Permanent Commission" }),
    ).toBe("3rd Joint Permanent Commission · 11 Mar 2025");
  });
  it("words a span target as a span, due at its end", () => {
    const span = {
      ...mark,
      target_date: "2027/2028",
      target_date_precision: "span",
      target_date_from: "2027-01-01",
      target_date_to: "2028-12-31",
      target_event: null,
      deadline: "2028-12-31",
      overdue: false,
    };
    expect(markTooltip(span)[3]).toBe("Due: 2027–2028");
  });
  it("names lane toggles by what they show first, then count and action", () => {
    expect(laneToggleLabel({ label: "Trade", n: 12 }, true)).toBe("Trade, 12 commitments, expand");
    expect(laneToggleLabel({ label: "Trade", n: 1 }, false)).toBe("Trade, 1 commitment, collapse");
    expect(laneName({ label: "Energy and mining", n: 1200 }, true, 8)).toBe("Energy and mining · 1,200");
  });
  it("cuts long lane names to the label column at a word, so the name still starts with them", () => {
    // (126 - 52) / 7.4 → 10 characters, the ellipsis included.
    expect(laneName({ label: "Energy and mining", n: 1200 }, false, 126)).toBe("Energy…");
    expect(laneName({ label: "Energy", n: 1 }, false, 126)).toBe("Energy");
    expect(truncateAtWord("Agriculture & food security", 21)).toBe("Agriculture & food…");
    expect(truncateAtWord("Vocational education & skills", 21)).toBe("Vocational education…");
    expect(truncateAtWord("Pharmaceuticals", 8)).toBe("Pharmac…");
    for (const label of ["Agriculture & food security", "Health & pharmaceuticals", "Energy and mining"]) {
      const shown = truncateAtWord(label, 12).replace("…", "");
      expect(laneToggleLabel({ label, n: 3 }, false).startsWith(shown)).toBe(true);
      expect(shown.length).toBeLessThanOrEqual(11);
    }
  });
  it("names the lane list and the marks with their keys", () => {
    expect(laneListLabel(24)).toMatch(/^24 sector lanes\. Up and down arrows/);
    expect(markListLabel(140)).toMatch(
      /^Timeline of 140 commitments\. Arrow keys .* Home and End .* Enter opens one\.$/,
    );
    expect(markListLabel(1)).toMatch(/^Timeline of 1 commitment\./);
  });
  it("shortens text and counts", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abc", 4)).toBe("abc");
    expect([950, 1234, 12_345].map(compactNumber)).toEqual(["950", "1.2k", "12k"]);
    expect(statusLabel("done")).toBe("Done");
  });
});
