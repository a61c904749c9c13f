import { describe, expect, it } from "vitest";
import { afterChart, chartTurn, filtersTurn } from "../../../src/lib/client/chart-turn.js";
import { emptyFilters } from "../../../src/lib/model/filters.js";

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("chartTurn and afterChart", () => {
  it("runs the work only once the chart has taken its turn", async () => {
    const turn = chartTurn();
    const done: string[] = [];
    const waiting = afterChart(turn, async () => {
      done.push("work");
      return 42;
    });
    await settle();
    expect(done).toEqual([]);
    turn.markCharted();
    expect(await waiting).toBe(42);
    expect(done).toEqual(["work"]);
  });

  it("runs the work at once when the turn was already taken, and a second mark does nothing", async () => {
    const turn = chartTurn();
    turn.markCharted();
    turn.markCharted();
    expect(await afterChart(turn, async () => "now")).toBe("now");
  });

  it("passes the work's failure on", async () => {
    const turn = chartTurn();
    turn.markCharted();
    await expect(afterChart(turn, () => Promise.reject(new Error("no table")))).rejects.toThrow("no table");
  });
});

describe("filtersTurn", () => {
  it("carries its filters, and each filter state gets a turn of its own", async () => {
    const filters = { ...emptyFilters(), sector: ["trade"] };
    const one = filtersTurn(filters);
    const two = filtersTurn(filters);
    expect(one.filters).toBe(filters);
    one.markCharted();
    let second = false;
    void afterChart(two, async () => {
      second = true;
    });
    await settle();
    expect(second).toBe(false);
  });
});
