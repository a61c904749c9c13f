import { afterEach, describe, expect, it } from "vitest";
import { whenMarked } from "../../../src/lib/client/when-marked.js";

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
