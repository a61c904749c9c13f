import { describe, expect, it } from "vitest";
import {
  dateOrSpanProblem,
  daysInMonth,
  epochDay,
  formatDateRange,
  formatPartialDate,
  parseDateOrSpan,
  parsePartialDate,
} from "../../../src/lib/model/dates.js";
import { partialDate } from "../../../src/lib/model/fields.js";

describe("parsePartialDate", () => {
  it("keeps a year's precision and spans the whole year", () => {
    expect(parsePartialDate("2026")).toEqual({ text: "2026", precision: "year", from: "2026-01-01", to: "2026-12-31" });
  });

  it("keeps a month's precision and spans the whole month", () => {
    expect(parsePartialDate("2025-08")).toEqual({
      text: "2025-08",
      precision: "month",
      from: "2025-08-01",
      to: "2025-08-31",
    });
    expect(parsePartialDate("2025-04")?.to).toBe("2025-04-30");
  });

  it("ends February on the 29th in a leap year and on the 28th otherwise", () => {
    expect(parsePartialDate("2024-02")?.to).toBe("2024-02-29");
    expect(parsePartialDate("2025-02")?.to).toBe("2025-02-28");
    // Century rule: 2000 was a leap year, 1900 was not.
    expect(parsePartialDate("2000-02")?.to).toBe("2000-02-29");
    expect(parsePartialDate("1900-02")?.to).toBe("1900-02-28");
  });

  it("keeps a day's precision: the span is that one day", () => {
    expect(parsePartialDate("2025-02-10")).toEqual({
      text: "2025-02-10",
      precision: "day",
      from: "2025-02-10",
      to: "2025-02-10",
    });
    expect(parsePartialDate("2024-02-29")?.precision).toBe("day");
  });

  it.each([
    ["2025-02-30", "no 30 February"],
    ["2025-02-29", "2025 is not a leap year"],
    ["2025-04-31", "April has 30 days"],
    ["2025-13", "no month 13"],
    ["2025-00", "no month 0"],
    ["2025-01-00", "no day 0"],
    ["2025-01-32", "no day 32"],
  ])("refuses the impossible date %s (%s)", (text) => {
    expect(parsePartialDate(text)).toBeUndefined();
  });

  it.each([
    ["25-02"],
    ["2025/02"],
    ["2025-2"],
    ["2025-02-1"],
    ["10/02/2025"],
    ["2025-02-10T00:00"],
    [" 2025"],
    ["February 2025"],
    [""],
  ])("refuses the malformed date %j", (text) => {
    expect(parsePartialDate(text)).toBeUndefined();
  });

  it("refuses years outside 1800–2200", () => {
    expect(parsePartialDate("1799")).toBeUndefined();
    expect(parsePartialDate("2201")).toBeUndefined();
    expect(parsePartialDate("1800")?.precision).toBe("year");
    expect(parsePartialDate("2200")?.precision).toBe("year");
  });
});

describe("daysInMonth and epochDay", () => {
  it("counts the days of a month", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  it("counts days since 1970-01-01", () => {
    expect(epochDay("1970-01-01")).toBe(0);
    expect(epochDay("1970-01-02")).toBe(1);
    expect(epochDay("2025-02-10")).toBe(20129);
    expect(epochDay("1969-12-31")).toBe(-1);
  });
});

describe("formatPartialDate", () => {
  it("writes each precision for people", () => {
    expect(formatPartialDate("2026")).toBe("2026");
    expect(formatPartialDate("2025-02")).toBe("Feb 2025");
    expect(formatPartialDate("2025-02-03")).toBe("3 Feb 2025");
  });

  it("returns anything it cannot parse unchanged, and nothing for no date", () => {
    expect(formatPartialDate("2025-02-30")).toBe("2025-02-30");
    expect(formatPartialDate(null)).toBe("");
    expect(formatPartialDate(undefined)).toBe("");
  });
});

describe("the partialDate field", () => {
  const field = partialDate("When.");

  it("accepts an unquoted YAML year (the number 2026) as the year 2026", () => {
    const result = field.zod.safeParse(2026);
    expect(result).toEqual({ success: true, data: "2026" });
    expect(field.cells("date", result.data)).toEqual({
      date: "2026",
      date_precision: "year",
      date_from: epochDay("2026-01-01"),
      date_to: epochDay("2026-12-31"),
    });
  });

  it("refuses a number that is not a whole year", () => {
    expect(field.zod.safeParse(2026.5).success).toBe(false);
  });

  it("says whether a date is impossible or malformed", () => {
    const message = (v: unknown) => {
      const r = field.zod.safeParse(v);
      return r.success ? undefined : r.error.issues[0].message;
    };
    expect(message("2025-02-30")).toBe("is not a real calendar date");
    expect(message("2025-13")).toBe("is not a real calendar date");
    expect(message("25-02")).toBe("is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD");
    expect(message("2025/02")).toBe("is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD");
  });

  it("fills the month span of a month-precise date", () => {
    expect(field.cells("d", "2024-02")).toEqual({
      d: "2024-02",
      d_precision: "month",
      d_from: epochDay("2024-02-01"),
      d_to: epochDay("2024-02-29"),
    });
  });

  it("fills null cells for a missing optional date", () => {
    const optional = partialDate("When.", { required: false });
    expect(optional.zod.safeParse(undefined)).toEqual({ success: true, data: undefined });
    expect(optional.cells("d", undefined)).toEqual({ d: null, d_precision: null, d_from: null, d_to: null });
  });
});

describe("parseDateOrSpan", () => {
  it("reads a span of two partial dates, from the first day of the start to the last day of the end", () => {
    expect(parseDateOrSpan("2027/2028")).toEqual({
      text: "2027/2028",
      precision: "span",
      from: "2027-01-01",
      to: "2028-12-31",
    });
    expect(parseDateOrSpan("2025-02 / 2025-06-15")).toMatchObject({
      text: "2025-02/2025-06-15",
      from: "2025-02-01",
      to: "2025-06-15",
    });
  });

  it("reads a single date as parsePartialDate does", () => {
    expect(parseDateOrSpan("2026")).toEqual(parsePartialDate("2026"));
  });

  it("refuses a span that ends before it starts, or has a malformed side", () => {
    expect(parseDateOrSpan("2028/2027")).toBeUndefined();
    expect(parseDateOrSpan("2027/")).toBeUndefined();
    expect(parseDateOrSpan("03/2025")).toBeUndefined();
  });

  it("says why a text is refused, and that a span is not allowed where one date is wanted", () => {
    expect(dateOrSpanProblem("2027-2028", true)).toMatch(/START\/END, for example 2027\/2028/);
    expect(dateOrSpanProblem("2028/2027", true)).toBe("ends before it starts");
    expect(dateOrSpanProblem("03/2025", true)).toMatch(/does not start with a date/);
    expect(dateOrSpanProblem("2027/2028", false)).toBe("is a span of dates; this field takes one date");
    expect(dateOrSpanProblem("03/2025", false)).toBe("is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD");
  });

  it("formats a span for people", () => {
    expect(formatPartialDate("2027/2028")).toBe("2027–2028");
    expect(formatPartialDate("2025-02/2025-06-15")).toBe("Feb 2025–15 Jun 2025");
  });
});

describe("formatDateRange", () => {
  it("writes what the two ends share once", () => {
    expect(formatDateRange("2025-02-10", "2025-02-12")).toBe("10–12 Feb 2025");
    expect(formatDateRange("2025-02-28", "2025-03-02")).toBe("28 Feb – 2 Mar 2025");
    expect(formatDateRange("2024-12-30", "2025-01-02")).toBe("30 Dec 2024 – 2 Jan 2025");
  });

  it("writes one date when the end is missing or the same, and partial ends in full", () => {
    expect(formatDateRange("2025-02-10", null)).toBe("10 Feb 2025");
    expect(formatDateRange("2025-02-10", "2025-02-10")).toBe("10 Feb 2025");
    expect(formatDateRange("2025-02", "2025-03")).toBe("Feb 2025 – Mar 2025");
    expect(formatDateRange(null, null)).toBe("");
  });
});
