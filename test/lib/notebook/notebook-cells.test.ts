import { describe, expect, it } from "vitest";
import { addCells, editCell, MAX_CELLS, moveCell, removeCell } from "../../../src/lib/notebook/notebook-cells.js";

describe("notebook cells", () => {
  const three = addCells([], [{ sql: "SELECT 1" }, { sql: "SELECT 2" }, { sql: "SELECT 3" }]).cells;

  it("adds cells with distinct ids", () => {
    expect(three.map((c) => c.sql)).toEqual(["SELECT 1", "SELECT 2", "SELECT 3"]);
    expect(new Set(three.map((c) => c.id)).size).toBe(3);
  });

  it("keeps at most MAX_CELLS and says how many it dropped", () => {
    const many = Array.from({ length: MAX_CELLS + 2 }, (_, i) => ({ sql: `SELECT ${i}` }));
    const { cells, dropped } = addCells(three, many);
    expect(cells.length).toBe(MAX_CELLS);
    expect(dropped).toBe(5);
  });

  it("removes, moves within bounds and edits one cell, leaving the list given as it was", () => {
    const [a, b, c] = three;
    expect(removeCell(three, b.id).map((x) => x.id)).toEqual([a.id, c.id]);
    expect(moveCell(three, c.id, -1).map((x) => x.id)).toEqual([a.id, c.id, b.id]);
    expect(moveCell(three, a.id, -1).map((x) => x.id)).toEqual([a.id, b.id, c.id]);
    expect(moveCell(three, a.id, 5).map((x) => x.id)).toEqual([b.id, c.id, a.id]);
    expect(editCell(three, b.id, { sql: "SELECT 22", mark: "dot" })[1]).toEqual({
      id: b.id,
      sql: "SELECT 22",
      mark: "dot",
    });
    expect(three.map((x) => x.sql)).toEqual(["SELECT 1", "SELECT 2", "SELECT 3"]);
  });
});
