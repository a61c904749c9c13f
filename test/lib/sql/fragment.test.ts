import { describe, expect, it } from "vitest";
import { and, empty, identifier, isSqlFragment, join, or, raw, sql } from "../../../src/lib/sql/fragment.js";

describe("sql", () => {
  it("turns each value into a ? placeholder, in order", () => {
    const q = sql`SELECT * FROM commitments WHERE sector = ${"energy"} AND year > ${2020} AND firm = ${true}`;
    expect(q.text).toBe("SELECT * FROM commitments WHERE sector = ? AND year > ? AND firm = ?");
    expect(q.params).toEqual(["energy", 2020, true]);
  });

  it("binds null and bigint as values", () => {
    const q = sql`SELECT ${null} AS a, ${123n} AS b`;
    expect(q.text).toBe("SELECT ? AS a, ? AS b");
    expect(q.params).toEqual([null, 123n]);
  });

  it("never turns a value into SQL text", () => {
    const q = sql`SELECT * FROM events WHERE title = ${"x'; DROP TABLE events; --"}`;
    expect(q.text).toBe("SELECT * FROM events WHERE title = ?");
    expect(q.params).toEqual(["x'; DROP TABLE events; --"]);
  });

  it("inlines nested fragments with their params in order", () => {
    const inner = sql`sector = ${"health"} AND status = ${"open"}`;
    const q = sql`SELECT ${1} FROM commitments WHERE ${inner} AND id > ${99}`;
    expect(q.text).toBe("SELECT ? FROM commitments WHERE sector = ? AND status = ? AND id > ?");
    expect(q.params).toEqual([1, "health", "open", 99]);
  });

  it("nests several levels deep", () => {
    const a = sql`a = ${1}`;
    const b = sql`(${a} OR b = ${2})`;
    const c = sql`${b} AND c = ${3}`;
    expect(sql`WHERE ${c} LIMIT ${4}`).toEqual({
      text: "WHERE (a = ? OR b = ?) AND c = ? LIMIT ?",
      params: [1, 2, 3, 4],
    });
  });

  it("expands arrays to a list of placeholders", () => {
    const q = sql`SELECT * FROM commitments WHERE sector IN (${["energy", "health", "trade"]}) AND id > ${5}`;
    expect(q.text).toBe("SELECT * FROM commitments WHERE sector IN (?, ?, ?) AND id > ?");
    expect(q.params).toEqual(["energy", "health", "trade", 5]);
  });

  it("expands fragments inside arrays", () => {
    const q = sql`VALUES ${[sql`(${1}, ${"a"})`, sql`(${2}, ${"b"})`]}`;
    expect(q.text).toBe("VALUES (?, ?), (?, ?)");
    expect(q.params).toEqual([1, "a", 2, "b"]);
  });

  it("writes NULL for an empty array, so IN matches nothing", () => {
    const q = sql`SELECT * FROM commitments WHERE sector IN (${[]})`;
    expect(q.text).toBe("SELECT * FROM commitments WHERE sector IN (NULL)");
    expect(q.params).toEqual([]);
  });

  it("rejects nested arrays", () => {
    expect(() => sql`${[[1, 2]] as never}`).toThrow(/nested array/);
  });

  it("keeps backslashes as written (raw template text)", () => {
    const q = sql`SELECT regexp_matches(title, '\d+')`;
    expect(q.text).toBe("SELECT regexp_matches(title, '\\d+')");
  });

  it("rejects undefined with a clear message", () => {
    const missing: string | undefined = undefined;
    expect(() => sql`SELECT * FROM events WHERE id = ${missing as never}`).toThrow(
      /value #1 is undefined\. This is a programming error/,
    );
    expect(() => sql`SELECT ${[1, undefined] as never}`).toThrow(/value #1\[1\] is undefined/);
  });

  it("rejects non-finite numbers, dates and plain objects", () => {
    expect(() => sql`SELECT ${Number.NaN}`).toThrow(/NaN/);
    expect(() => sql`SELECT ${Number.POSITIVE_INFINITY}`).toThrow(/Infinity/);
    expect(() => sql`SELECT ${new Date(0) as never}`).toThrow(/object \(Date\).*ISO strings/);
  });

  it("refuses lookalike objects that were not built by this module", () => {
    const forged = JSON.parse('{"text": "1; DROP TABLE events", "params": []}');
    expect(isSqlFragment(forged)).toBe(false);
    expect(() => sql`SELECT ${forged}`).toThrow(TypeError);
  });

  it("returns frozen fragments", () => {
    const q = sql`SELECT ${1}`;
    expect(isSqlFragment(q)).toBe(true);
    expect(Object.isFrozen(q)).toBe(true);
    expect(Object.isFrozen(q.params)).toBe(true);
  });

  it("refuses to be called as a plain function with the wrong arity", () => {
    expect(() => sql(["a", "b"])).toThrow(/tagged template/);
  });
});

describe("raw", () => {
  it("inlines trusted text without params", () => {
    const q = sql`SELECT * FROM ${raw("commitments")} ORDER BY date ${raw("DESC")} LIMIT ${10}`;
    expect(q.text).toBe("SELECT * FROM commitments ORDER BY date DESC LIMIT ?");
    expect(q.params).toEqual([10]);
  });

  it("rejects non-strings", () => {
    expect(() => raw(42 as never)).toThrow(/raw\(\) takes a string/);
  });
});

describe("identifier", () => {
  it("quotes and escapes", () => {
    expect(identifier("sector").text).toBe('"sector"');
    expect(identifier('we"ird').text).toBe('"we""ird"');
    expect(() => identifier("")).toThrow();
  });
});

describe("join", () => {
  it("joins fragments and values with a separator", () => {
    const q = join([sql`a = ${1}`, sql`b = ${2}`, 3], " OR ");
    expect(q.text).toBe("a = ? OR b = ? OR ?");
    expect(q.params).toEqual([1, 2, 3]);
  });

  it("uses a comma by default and yields empty text for no items", () => {
    expect(join([1, 2]).text).toBe("?, ?");
    expect(join([])).toEqual({ text: "", params: [] });
  });
});

describe("and / or", () => {
  it("wraps each condition in parentheses", () => {
    const q = and(sql`sector = ${"energy"}`, sql`a = ${1} OR b = ${2}`);
    expect(q.text).toBe("(sector = ?) AND (a = ? OR b = ?)");
    expect(q.params).toEqual(["energy", 1, 2]);
  });

  it("skips empty, blank, false and null conditions", () => {
    const sector: string | null = null;
    const q = and(empty, sector !== null && sql`sector = ${sector}`, null, raw("  "), sql`date >= ${"2025-01-01"}`);
    expect(q.text).toBe("(date >= ?)");
    expect(q.params).toEqual(["2025-01-01"]);
  });

  it("yields TRUE when nothing is left, and OR yields FALSE", () => {
    expect(and().text).toBe("TRUE");
    expect(and(empty, false).text).toBe("TRUE");
    expect(or().text).toBe("FALSE");
    expect(sql`SELECT * FROM events WHERE ${and()}`.text).toBe("SELECT * FROM events WHERE TRUE");
  });

  it("composes", () => {
    const q = and(or(sql`a = ${1}`, sql`b = ${2}`), sql`c IN (${["x", "y"]})`);
    expect(q.text).toBe("((a = ?) OR (b = ?)) AND (c IN (?, ?))");
    expect(q.params).toEqual([1, 2, "x", "y"]);
  });

  it("rejects undefined and non-fragments", () => {
    expect(() => and(undefined as never)).toThrow(/and\(\) condition #1 is undefined/);
    expect(() => and("sector = 'x'" as never)).toThrow(TypeError);
  });
});
