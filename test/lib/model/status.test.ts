import { describe, expect, it } from "vitest";
import { parsePartialDate } from "../../../src/lib/model/dates.js";
import type { Status } from "../../../src/lib/model/schema.js";
import {
  compareUpdates,
  type DatedStatus,
  deadlineOf,
  deriveStatus,
  isOverdue,
  latestUpdate,
  overdueSql,
} from "../../../src/lib/model/status.js";

/** An update as normalise builds it: the date with the span of days it covers. */
function update(id: string, date: string, status: Status): DatedStatus {
  const parsed = parsePartialDate(date);
  if (!parsed) throw new Error(`bad date ${date}`);
  return { id, status, date, date_from: parsed.from, date_to: parsed.to };
}

/** Every order of a list. */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe("deriveStatus", () => {
  it("is announced, with no date, when there is no update", () => {
    expect(deriveStatus([])).toEqual({ status: "announced", status_date: null });
  });

  it("takes the status and date of the only update", () => {
    expect(deriveStatus([update("u1", "2025-03-05", "stalled")])).toEqual({
      status: "stalled",
      status_date: "2025-03-05",
    });
  });

  it("takes the latest update whatever the order", () => {
    const updates = [
      update("a", "2025-03-05", "in_progress"),
      update("b", "2025-09-01", "done"),
      update("c", "2025-06-20", "stalled"),
      update("d", "2024-12", "announced"),
    ];
    const orders = permutations(updates);
    expect(orders).toHaveLength(24);
    for (const order of orders) expect(deriveStatus(order)).toEqual({ status: "done", status_date: "2025-09-01" });
  });

  it("does not read the update ids as dates", () => {
    // The id that sorts last is not the latest update.
    const updates = [update("z-early", "2025-01-01", "stalled"), update("a-late", "2025-12-31", "done")];
    expect(deriveStatus(updates).status).toBe("done");
    expect(deriveStatus([...updates].reverse()).status).toBe("done");
  });
});

describe("the ordering rule for partial dates (status.ts)", () => {
  it("counts a month-precise update as the last day of its month", () => {
    // 2025-08 covers 1–31 Aug, so it is later than 15 Aug.
    const month = update("m", "2025-08", "done");
    const day = update("d", "2025-08-15", "stalled");
    expect(compareUpdates(month, day)).toBeGreaterThan(0);
    expect(latestUpdate([month, day])).toBe(month);
    expect(latestUpdate([day, month])).toBe(month);
  });

  it("puts a day-precise update on the month's last day after the month-precise one (same last day, later first day)", () => {
    const month = update("m", "2025-08", "in_progress");
    const lastDay = update("d", "2025-08-31", "done");
    expect(compareUpdates(lastDay, month)).toBeGreaterThan(0);
    expect(deriveStatus([lastDay, month])).toEqual({ status: "done", status_date: "2025-08-31" });
    expect(deriveStatus([month, lastDay])).toEqual({ status: "done", status_date: "2025-08-31" });
  });

  it("puts a day in the next month after a month-precise update", () => {
    const month = update("m", "2025-08", "done");
    const next = update("n", "2025-09-01", "stalled");
    expect(latestUpdate([month, next])).toBe(next);
  });

  it("counts a year-precise update as 31 December, after the year's earlier days", () => {
    const year = update("y", "2025", "dropped");
    const day = update("d", "2025-12-30", "stalled");
    expect(latestUpdate([year, day])).toBe(year);
    expect(latestUpdate([day, year])).toBe(year);
    // December and 31 December end on the same day as the year but start later, so they are later.
    const december = update("m", "2025-12", "done");
    for (const order of permutations([year, december, day])) expect(latestUpdate(order)).toBe(december);
    expect(latestUpdate([year, update("e", "2025-12-31", "done")])?.id).toBe("e");
  });

  it("breaks a tie on the same date by id", () => {
    const a = update("u-a", "2025-05-05", "done");
    const b = update("u-b", "2025-05-05", "stalled");
    expect(compareUpdates(a, b)).toBeLessThan(0);
    expect(latestUpdate([a, b])).toBe(b);
    expect(latestUpdate([b, a])).toBe(b);
    expect(compareUpdates(a, { ...a })).toBe(0);
  });

  it("is a total order: sorting any permutation gives the same sequence", () => {
    const updates = [
      update("a", "2025", "in_progress"),
      update("b", "2025-08", "stalled"),
      update("c", "2025-08-31", "done"),
      update("d", "2025-08-31", "dropped"),
      update("e", "2025-08-01", "in_progress"),
    ];
    const expected = ["e", "b", "c", "d", "a"];
    for (const order of permutations(updates))
      expect([...order].sort(compareUpdates).map((u) => u.id)).toEqual(expected);
  });
});

describe("deadlines and overdue (status.ts)", () => {
  const open = { status: "announced" as const };

  it("latest update wins: a later done closes a commitment whose target has passed", () => {
    const updates = [update("a", "2025-03-01", "in_progress"), update("b", "2025-10", "done")];
    const { status } = deriveStatus([...updates].reverse());
    expect(status).toBe("done");
    expect(isOverdue({ status, target_date_to: "2025-06-30" }, "2026-01-01")).toBe(false);
    // The same updates with "stalled" last leave it overdue.
    const stalled = deriveStatus([update("a", "2025-03-01", "done"), update("b", "2025-10", "stalled")]);
    expect(stalled.status).toBe("stalled");
    expect(isOverdue({ status: stalled.status, target_date_to: "2025-06-30" }, "2026-01-01")).toBe(true);
  });

  it("a year target is overdue only after the year's last day", () => {
    const target = parsePartialDate("2025");
    expect(target?.to).toBe("2025-12-31");
    const c = { ...open, target_date_to: target?.to };
    expect(isOverdue(c, "2025-06-15")).toBe(false);
    expect(isOverdue(c, "2025-12-31")).toBe(false);
    expect(isOverdue(c, "2026-01-01")).toBe(true);
  });

  it("a month target is overdue only after the month's last day (leap years included)", () => {
    const c = { ...open, target_date_to: parsePartialDate("2024-02")?.to };
    expect(c.target_date_to).toBe("2024-02-29");
    expect(isOverdue(c, "2024-02-29")).toBe(false);
    expect(isOverdue(c, "2024-03-01")).toBe(true);
  });

  it("a day target is overdue from the next day", () => {
    const c = { ...open, target_date_to: "2025-04-10" };
    expect(isOverdue(c, "2025-04-10")).toBe(false);
    expect(isOverdue(c, "2025-04-11")).toBe(true);
  });

  it("without a target date, the target event's last day is the deadline (end date first)", () => {
    expect(deadlineOf({ target_event_start_to: "2026-12-31" })).toBe("2026-12-31");
    expect(deadlineOf({ target_event_start_to: "2025-04-10", target_event_end_to: "2025-04-12" })).toBe("2025-04-12");
    expect(deadlineOf({ target_date_to: "2025-12-31", target_event_start_to: "2026-12-31" })).toBe("2025-12-31");
    expect(isOverdue({ ...open, target_event_start_to: "2026-12-31" }, "2026-11-27")).toBe(false);
    expect(isOverdue({ ...open, target_event_start_to: "2026-12-31" }, "2027-01-01")).toBe(true);
  });

  it("no deadline, or done or dropped: never overdue", () => {
    expect(deadlineOf({})).toBeNull();
    expect(isOverdue(open, "2100-01-01")).toBe(false);
    for (const status of ["done", "dropped"] as const) {
      expect(isOverdue({ status, target_date_to: "2020-12-31" }, "2026-01-01")).toBe(false);
    }
    for (const status of ["announced", "in_progress", "stalled"] as const) {
      expect(isOverdue({ status, target_date_to: "2020-12-31" }, "2026-01-01")).toBe(true);
    }
  });

  it("the SQL form binds today and reads the same columns", () => {
    const fragment = overdueSql("2026-11-27");
    expect(fragment.params).toEqual(["2026-11-27"]);
    expect(fragment.text).toContain("c.deadline < CAST(? AS DATE)");
    expect(fragment.text).toContain("NOT IN ('done', 'dropped')");
  });
});
