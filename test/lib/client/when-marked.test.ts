import { afterEach, describe, expect, it } from "vitest";
import { firstChartSettled, marked, whenMarked } from "../../../src/lib/client/when-marked.js";
import { CHART_FAILED_MARK, FIRST_CHART_MARK } from "../../../src/lib/model/load-marks.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
let n = 0;
const freshName = () => `when-marked-test:${++n}`;

describe("whenMarked", () => {
  afterEach(() => performance.clearMarks());

  it("calls once the mark is made, and only once", async () => {
    const name = freshName();
    const calls: string[] = [];
    whenMarked(name, () => calls.push("then"));
    performance.mark("some-other-mark");
    await tick();
    expect(calls).toEqual([]);
    performance.mark(name);
    await tick();
    performance.mark(name);
    await tick();
    expect(calls).toEqual(["then"]);
  });

  it("calls at once when the mark was made before", () => {
    const name = freshName();
    performance.mark(name);
    const calls: string[] = [];
    whenMarked(name, () => calls.push("then"));
    expect(calls).toEqual(["then"]);
  });

  it("does not call once stopped", async () => {
    const name = freshName();
    const calls: string[] = [];
    const stop = whenMarked(name, () => calls.push("then"));
    stop();
    performance.mark(name);
    await tick();
    expect(calls).toEqual([]);
  });
});

/** True once `promise` has settled, looked at after a tick. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await tick();
  return done;
}

describe("marked and firstChartSettled", () => {
  afterEach(() => performance.clearMarks());

  it("marked resolves once the mark is made", async () => {
    const name = freshName();
    const waiting = marked(name);
    expect(await settled(waiting)).toBe(false);
    performance.mark(name);
    expect(await settled(waiting)).toBe(true);
  });

  it("firstChartSettled waits for the first chart", async () => {
    const waiting = firstChartSettled();
    expect(await settled(waiting)).toBe(false);
    performance.mark(FIRST_CHART_MARK);
    expect(await settled(waiting)).toBe(true);
  });

  it("firstChartSettled stops waiting when a chart cannot be drawn", async () => {
    const waiting = firstChartSettled();
    expect(await settled(waiting)).toBe(false);
    performance.mark(CHART_FAILED_MARK);
    expect(await settled(waiting)).toBe(true);
  });
});
