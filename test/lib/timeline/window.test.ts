import { describe, expect, it } from "vitest";
import { eventLabel } from "../../../src/lib/timeline/event-labels.js";
import { timelineDomain, todayFrom, windowFrom } from "../../../src/lib/timeline/window.js";

describe("today and the window", () => {
  it("takes ?today= only when it is a real day", () => {
    const now = new Date("2026-11-27T12:00:00Z");
    expect(todayFrom("?today=2025-03-01", now)).toBe("2025-03-01");
    expect(todayFrom("?today=2025-02-30", now)).toBe("2026-11-27");
    expect(todayFrom("?today=2025", now)).toBe("2026-11-27");
    expect(todayFrom("", now)).toBe("2026-11-27");
  });
  it("reaches past the latest target", () => {
    expect(timelineDomain("2015-05-28", "2027-12-31", "2026-11-27")).toEqual({ from: "2015-01-01", to: "2028-12-31" });
    expect(timelineDomain("2015-05-28", "2020-03-31", "2026-03-01")).toEqual({ from: "2015-01-01", to: "2026-12-31" });
    expect(timelineDomain(null, null, "2026-03-01")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });
  it("reads ?window= only when well formed", () => {
    expect(windowFrom("?window=2024-01-01..2024-12-31")).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(windowFrom("?window=2024-12-31..2024-01-01")).toBeNull();
    expect(windowFrom("?window=2024..2025")).toBeNull();
  });
});

describe("eventLabel", () => {
  it("abbreviates numbered sessions and names other events by kind", () => {
    expect(
      eventLabel({ kind: "commission_session", series: "Pakistan–Belarus Joint Ministerial Commission", session: 8 }),
    ).toBe("8th JMC");
    expect(
      eventLabel({
        kind: "working_group",
        series: "Pakistan–Belarus Joint Working Group on Industrial Cooperation",
        session: 5,
      }),
    ).toBe("5th JWG Industrial");
    expect(eventLabel({ kind: "commission_session", series: "Pakistan–Belarus Joint Commission", session: 11 })).toBe(
      "11th JC",
    );
    expect(eventLabel({ kind: "state_visit" })).toBe("State visit");
  });

  it("uses a series' own short name when the records give one", () => {
    const series = "Kenya–Finland Joint Permanent Commission on Cooperation";
    expect(eventLabel({ kind: "commission_session", series, session: 1 })).toBe("1st JPC Cooperation");
    expect(eventLabel({ kind: "commission_session", series, series_short: "JPCC", session: 1 })).toBe("1st JPCC");
  });
});
