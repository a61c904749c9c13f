import { describe, expect, it } from "vitest";
import { changingStatements } from "../../../src/lib/notebook/statement-effects.js";

describe("changingStatements", () => {
  it("finds nothing in queries that only read", () => {
    expect(changingStatements("SELECT * FROM commitments")).toEqual([]);
    expect(changingStatements("WITH x AS (SELECT 1) SELECT * FROM x; DESCRIBE commitments")).toEqual([]);
    expect(changingStatements("SELECT 'DROP TABLE x; INSERT' AS s -- ; DELETE")).toEqual([]);
  });

  it("names the statements that change the database, each once", () => {
    expect(
      changingStatements("create table t AS SELECT 1; insert into t VALUES (2); INSERT INTO t VALUES (3)"),
    ).toEqual(["CREATE", "INSERT"]);
    expect(changingStatements("  ATTACH ':memory:' AS x")).toEqual(["ATTACH"]);
    expect(changingStatements("SELECT 1;\n-- then\nDROP TABLE sectors")).toEqual(["DROP"]);
    expect(changingStatements("/* c */ UPDATE commitments SET status = 'done'")).toEqual(["UPDATE"]);
  });

  it("does not take a column or table named like a keyword for a statement", () => {
    expect(changingStatements("SELECT update, set FROM drop_table")).toEqual([]);
  });
});
