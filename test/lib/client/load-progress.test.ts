import { describe, expect, it } from "vitest";
import { bytesLine, formatBytes, loadMessage } from "../../../src/lib/client/load-progress.js";
import type { LoadProgress, TableProgress } from "../../../src/lib/client/table-loader.js";

const table = (name: string, over: Partial<TableProgress> = {}): TableProgress => ({
  table: name,
  parts: 1,
  loadedParts: 0,
  bytes: 1000,
  received: 0,
  done: false,
  ...over,
});

const progress = (tables: TableProgress[]): LoadProgress => ({
  tables,
  pending: tables.some((t) => !t.done),
  bytes: tables.reduce((n, t) => n + t.bytes, 0),
  received: tables.reduce((n, t) => n + t.received, 0),
});

describe("loadMessage", () => {
  it("says the engine is starting, and what is already on its way", () => {
    expect(loadMessage(progress([]), false)).toBe("Starting the query engine…");
    expect(loadMessage(progress([table("events", { received: 500 }), table("sectors")]), false)).toBe(
      "Starting the query engine; loading events, sectors · 1 kB of 2 kB…",
    );
  });

  it("says when the engine's start has shown no progress for a while, and that the page still waits", () => {
    expect(loadMessage(progress([]), false, { quietSeconds: 60 })).toBe(
      "Starting the query engine… No progress for 60 s: compiling the engine takes longer on a busy or slow computer. Still waiting.",
    );
    // Once started, the start's pace no longer matters.
    expect(loadMessage(progress([table("events")]), true, { quietSeconds: 60 })).toBe(
      "Loading tables 0/1: events · 0 kB of 1 kB…",
    );
  });

  it("names the tables still loading, with their parts, and counts the bytes", () => {
    const p = progress([
      table("commitments", { parts: 32, loadedParts: 12, bytes: 10_240_000, received: 3_100_000 }),
      table("sectors", { done: true, loadedParts: 1, received: 1000 }),
    ]);
    expect(loadMessage(p, true)).toBe("Loading tables 1/2: commitments (12 of 32 parts) · 3.1 MB of 10.2 MB…");
    expect(loadMessage(p, true, { bytes: false })).toBe("Loading tables 1/2: commitments (12 of 32 parts)…");
  });

  it("says how much was loaded once nothing is pending", () => {
    const p = progress([table("events", { done: true, received: 2_500_000, bytes: 2_500_000 })]);
    expect(loadMessage(p, true)).toBe("Ready: 1 table loaded (2.5 MB).");
  });
});

describe("bytes", () => {
  it("in kB below a megabyte, never more received than asked", () => {
    expect(formatBytes(1499)).toBe("1 kB");
    expect(formatBytes(1_250_000)).toBe("1.3 MB");
    expect(bytesLine({ bytes: 1000, received: 1500 })).toBe("1 kB of 1 kB");
    expect(bytesLine({ bytes: 0, received: 0 })).toBe("");
  });
});
