/**
 * The filter states one step on from an opened list or a focused year select,
 * whose SQL texts are those of every choice that step could make.
 */
import { describe, expect, it } from "vitest";
import { commitmentWhere, emptyFilters, type FilterState } from "../../../src/lib/model/filters.js";
import { withOneMoreChoice, withYearBound } from "../../../src/lib/model/next-filters.js";

const choices = ["energy", "health", "trade"];

describe("withOneMoreChoice", () => {
  it("ticks the first choice not yet ticked, keeping the list sorted and the rest of the state", () => {
    const state: FilterState = { ...emptyFilters(), sector: ["energy"], country: ["BY"], from: 2020 };
    expect(withOneMoreChoice(state, "sector", choices)).toEqual({ ...state, sector: ["energy", "health"] });
    expect(withOneMoreChoice(emptyFilters(), "sector", choices)?.sector).toEqual(["energy"]);
    expect(state.sector).toEqual(["energy"]);
  });

  it("gives nothing when every choice is ticked", () => {
    expect(withOneMoreChoice({ ...emptyFilters(), sector: [...choices] }, "sector", choices)).toBeUndefined();
    expect(withOneMoreChoice(emptyFilters(), "sector", [])).toBeUndefined();
  });

  it("gives the SQL text of every choice the list offers: only the values differ", () => {
    const state: FilterState = { ...emptyFilters(), sector: ["health"] };
    const ahead = withOneMoreChoice(state, "sector", choices);
    if (!ahead) throw new Error("expected a state");
    for (const other of ["energy", "trade"]) {
      const chosen = commitmentWhere({ ...state, sector: [...state.sector, other].sort() });
      expect(commitmentWhere(ahead).text).toBe(chosen.text);
    }
    expect(commitmentWhere(ahead).text).not.toBe(commitmentWhere(state).text);
  });
});

describe("withYearBound", () => {
  it("sets an unset bound to the first or the last year, whose text is that of any year", () => {
    const years = [2015, 2025] as const;
    expect(withYearBound(emptyFilters(), "from", years)).toEqual({ ...emptyFilters(), from: 2015 });
    expect(withYearBound(emptyFilters(), "to", years)).toEqual({ ...emptyFilters(), to: 2025 });
    const ahead = withYearBound(emptyFilters(), "from", years);
    if (!ahead) throw new Error("expected a state");
    expect(commitmentWhere(ahead).text).toBe(commitmentWhere({ ...emptyFilters(), from: 2019 }).text);
  });

  it("gives nothing for a bound already set: another year is the same text", () => {
    expect(withYearBound({ ...emptyFilters(), from: 2018 }, "from", [2015, 2025])).toBeUndefined();
  });
});
