import { describe, expect, it } from "vitest";
import { type DayWindow, widestMarksWindow } from "../../devtools/marks-window.js";

/** A count over commitments on the given days (one date each), as the page's window count would give it. */
function counter(days: readonly string[]) {
  const asked: DayWindow[] = [];
  const count = async (w: DayWindow) => {
    asked.push(w);
    return days.filter((d) => d >= w.from && d <= w.to).length;
  };
  return { count, asked };
}

const YEAR = { from: "2025-01-01", to: "2025-12-31" };

describe("widestMarksWindow", () => {
  it("keeps the whole window when it fits", async () => {
    const { count, asked } = counter(["2025-03-01", "2025-06-01"]);
    expect(await widestMarksWindow(YEAR, 2, count)).toEqual({ window: YEAR, commitments: 2, drawnAsMarks: true });
    expect(asked).toHaveLength(1);
  });

  it("moves the start to the earliest day at which the rest holds at most the limit", async () => {
    // Ten commitments a day: 3,650 in the year.
    const days = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10));
    const { count, asked } = counter(days.flatMap((d) => Array(10).fill(d)));
    const found = await widestMarksWindow(YEAR, 1000, count);
    // The last 100 days, 2025-09-23 to 2025-12-31, hold 1,000; one day more would be 1,010.
    expect(found).toEqual({ window: { from: "2025-09-23", to: "2025-12-31" }, commitments: 1000, drawnAsMarks: true });
    expect(asked.length).toBeLessThanOrEqual(12);
    expect(asked.every((w) => w.to === YEAR.to)).toBe(true);
  });

  it("says so when even the last day alone is over the limit", async () => {
    const { count } = counter(Array(5).fill("2025-12-31"));
    expect(await widestMarksWindow(YEAR, 4, count)).toEqual({
      window: { from: "2025-12-31", to: "2025-12-31" },
      commitments: 5,
      drawnAsMarks: false,
    });
  });

  it("refuses a window that ends before it starts", async () => {
    await expect(widestMarksWindow({ from: "2025-02-01", to: "2025-01-01" }, 1, async () => 0)).rejects.toThrow(
      "2025-02-01 is after 2025-01-01",
    );
  });
});
