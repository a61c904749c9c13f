import { describe, expect, it } from "vitest";
import { formatElapsed, formatTimeOfDay } from "../../../src/lib/model/presenter-clock.js";

describe("formatElapsed", () => {
  it("writes minutes and seconds under an hour, hours from an hour on", () => {
    expect(formatElapsed(0)).toBe("00:00");
    expect(formatElapsed(999)).toBe("00:00");
    expect(formatElapsed(61_000)).toBe("01:01");
    expect(formatElapsed(59 * 60_000 + 59_999)).toBe("59:59");
    expect(formatElapsed(3_600_000 + 2 * 60_000 + 9_000)).toBe("1:02:09");
  });

  it("writes 00:00 for a negative or invalid span", () => {
    expect(formatElapsed(-5000)).toBe("00:00");
    expect(formatElapsed(Number.NaN)).toBe("00:00");
  });
});

describe("formatTimeOfDay", () => {
  it("writes local hours and minutes on two digits", () => {
    expect(formatTimeOfDay(new Date(2026, 0, 2, 9, 5, 59))).toBe("09:05");
    expect(formatTimeOfDay(new Date(2026, 0, 2, 23, 41))).toBe("23:41");
  });
});
