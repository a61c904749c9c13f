import { describe, expect, it } from "vitest";
import { buildDate } from "../../scripts/build-date.js";

describe("buildDate", () => {
  it("is 1970-01-01 without SOURCE_DATE_EPOCH, or with it empty", () => {
    expect(buildDate({}).getTime()).toBe(0);
    expect(buildDate({ SOURCE_DATE_EPOCH: "" }).getTime()).toBe(0);
  });

  it("reads whole seconds since 1970-01-01 UTC", () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: "1767225600" }).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(buildDate({ SOURCE_DATE_EPOCH: " 0\n" }).getTime()).toBe(0);
  });

  it.each(["2026-12-07", "1.5", "-1", "1e9", "0x10", "tomorrow", "9999999999999"])(
    "refuses %j, naming the variable, its value and what was expected",
    (value) => {
      expect(() => buildDate({ SOURCE_DATE_EPOCH: value })).toThrow(
        `SOURCE_DATE_EPOCH is ${JSON.stringify(value)}: expected whole seconds since 1970-01-01 UTC`,
      );
    },
  );
});
