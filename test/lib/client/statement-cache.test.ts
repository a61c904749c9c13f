/**
 * Prepared statements kept per SQL text: prepared once, run with each call's
 * parameters, the least recently used closed past the limit (not while a call
 * runs on it), and a failure never kept.
 */
import { describe, expect, it } from "vitest";
import { type Preparer, type Statement, statementCache } from "../../../src/lib/client/statement-cache.js";

/** A connection that answers `text(params)`, counting prepares and closes; texts in `broken` fail to prepare. */
function fakeConnection(broken = new Set<string>()) {
  const log = { prepared: [] as string[], closed: [] as string[], runs: 0 };
  let failNextRun = false;
  const hold: { release?: () => void } = {};
  const connection: Preparer<string> = {
    async prepare(text) {
      log.prepared.push(text);
      if (broken.has(text)) throw new Error(`cannot prepare ${text}`);
      let closed = false;
      const statement: Statement<string> = {
        async query(...params) {
          if (closed) throw new Error(`${text} is closed`);
          log.runs++;
          if (hold.release === undefined && text.startsWith("slow")) {
            await new Promise<void>((resolve) => {
              hold.release = resolve;
            });
          }
          if (failNextRun) {
            failNextRun = false;
            throw new Error(`${text} failed`);
          }
          return `${text}(${params.join(",")})`;
        },
        async close() {
          closed = true;
          log.closed.push(text);
        },
      };
      return statement;
    },
  };
  return { connection, log, failRun: () => (failNextRun = true), hold };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("statementCache", () => {
  it("prepares a text once and runs it with each call's parameters", async () => {
    const { connection, log } = fakeConnection();
    const cache = statementCache(connection);
    expect(await cache.run("a", [1])).toBe("a(1)");
    expect(await cache.run("a", [2, "x"])).toBe("a(2,x)");
    expect(await Promise.all([cache.run("a", [3]), cache.run("b", [])])).toEqual(["a(3)", "b()"]);
    expect(log.prepared).toEqual(["a", "b"]);
    expect(log.closed).toEqual([]);
    expect(cache.size).toBe(2);
  });

  it("closes the statement used longest ago past the limit, and prepares it again when asked", async () => {
    const { connection, log } = fakeConnection();
    const cache = statementCache(connection, 2);
    await cache.run("a", []);
    await cache.run("b", []);
    await cache.run("a", []); // a is now the most recent
    await cache.run("c", []);
    await settle();
    expect(log.closed).toEqual(["b"]);
    expect(cache.size).toBe(2);
    expect(await cache.run("b", [9])).toBe("b(9)");
    await settle();
    expect(log.closed).toEqual(["b", "a"]);
    expect(log.prepared).toEqual(["a", "b", "c", "b"]);
  });

  it("does not close a statement while a call runs on it", async () => {
    const { connection, log, hold } = fakeConnection();
    const cache = statementCache(connection, 1);
    const slow = cache.run("slow", [1]);
    while (!hold.release) await settle();
    await cache.run("fast", []); // pushes "slow" out while it runs
    await settle();
    expect(log.closed).toEqual([]);
    hold.release();
    expect(await slow).toBe("slow(1)");
    await settle();
    expect(log.closed).toEqual(["slow"]);
  });

  it("forgets a text that failed to prepare or to run, so the next call prepares it afresh", async () => {
    const broken = new Set(["bad"]);
    const { connection, log, failRun } = fakeConnection(broken);
    const cache = statementCache(connection);
    await expect(cache.run("bad", [])).rejects.toThrow("cannot prepare bad");
    expect(cache.size).toBe(0);
    broken.delete("bad");
    expect(await cache.run("bad", [])).toBe("bad()");

    await cache.run("a", [1]);
    failRun();
    await expect(cache.run("a", [2])).rejects.toThrow("a failed");
    await settle();
    expect(log.closed).toEqual(["a"]);
    expect(await cache.run("a", [3])).toBe("a(3)");
    expect(log.prepared).toEqual(["bad", "bad", "a", "a"]);
  });

  it("prepares a text ahead of its run, which then only runs it; a text that fails to prepare is left for its run", async () => {
    const broken = new Set(["bad"]);
    const { connection, log } = fakeConnection(broken);
    const cache = statementCache(connection);
    expect(await cache.prepare("a")).toBe(true);
    expect(log).toMatchObject({ prepared: ["a"], runs: 0 });
    expect(await cache.prepare("a")).toBe(true);
    expect(await cache.run("a", [1])).toBe("a(1)");
    expect(log).toMatchObject({ prepared: ["a"], runs: 1 });

    // A run asked while the text is being prepared ahead waits for that one statement.
    const ahead = cache.prepare("b");
    expect(await cache.run("b", [2])).toBe("b(2)");
    expect(await ahead).toBe(true);
    expect(log.prepared).toEqual(["a", "b"]);

    expect(await cache.prepare("bad")).toBe(false);
    expect(cache.size).toBe(2);
    await expect(cache.run("bad", [])).rejects.toThrow("cannot prepare bad");
    expect(log.prepared).toEqual(["a", "b", "bad", "bad"]);
  });

  it("counts a statement prepared ahead among those kept, closing the one used longest ago past the limit", async () => {
    const { connection, log } = fakeConnection();
    const cache = statementCache(connection, 2);
    await cache.run("a", [1]);
    await cache.run("b", [1]);
    await cache.prepare("c");
    await settle();
    expect(log.closed).toEqual(["a"]);
    expect(cache.size).toBe(2);
  });

  it("refuses a limit that is not a whole number of at least one", () => {
    const { connection } = fakeConnection();
    for (const max of [0, -1, 1.5, Number.NaN]) expect(() => statementCache(connection, max)).toThrow(/max must be/);
  });
});
