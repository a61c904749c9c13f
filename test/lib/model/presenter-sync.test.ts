import { describe, expect, it } from "vitest";
import {
  helloMessage,
  placeMessage,
  presenterChannel,
  readSyncMessage,
  syncStep,
} from "../../../src/lib/model/presenter-sync.js";

describe("presenterChannel", () => {
  it("is one channel per story", () => {
    expect(presenterChannel("a")).not.toBe(presenterChannel("b"));
    expect(presenterChannel("a")).toBe(presenterChannel("a"));
  });
});

describe("readSyncMessage", () => {
  it("reads the messages it writes", () => {
    const place = placeMessage("talk", { index: 2, theme: "dark" });
    expect(readSyncMessage(structuredClone(place), "talk")).toEqual(place);
    expect(readSyncMessage(helloMessage("talk"), "talk")).toEqual({ type: "hello", story: "talk" });
  });

  it("ignores another story's messages and anything malformed", () => {
    expect(readSyncMessage(placeMessage("other", { index: 1, theme: "light" }), "talk")).toBeNull();
    for (const bad of [
      null,
      "place",
      42,
      { type: "place", story: "talk", index: "2", theme: "light" },
      { type: "place", story: "talk", index: 1.5, theme: "light" },
      { type: "place", story: "talk", index: -1, theme: "light" },
      { type: "place", story: "talk", index: 1, theme: "sepia" },
      { type: "goto", story: "talk", index: 1, theme: "light" },
    ]) {
      expect(readSyncMessage(bad, "talk")).toBeNull();
    }
  });
});

describe("syncStep", () => {
  const here = { index: 1, theme: "light" } as const;

  it("follows a move or a theme switch of the other window", () => {
    expect(syncStep(here, placeMessage("t", { index: 3, theme: "light" }), 5)).toEqual({
      follow: { index: 3, theme: "light" },
      answer: false,
    });
    expect(syncStep(here, placeMessage("t", { index: 1, theme: "dark" }), 5).follow).toEqual({
      index: 1,
      theme: "dark",
    });
  });

  it("stays, without answering, when it is already there (no echo)", () => {
    expect(syncStep(here, placeMessage("t", here), 5)).toEqual({ follow: null, answer: false });
  });

  it("answers a window that has just opened with its place", () => {
    expect(syncStep(here, helloMessage("t"), 5)).toEqual({ follow: null, answer: true });
  });

  it("ignores a slide the story does not have", () => {
    expect(syncStep(here, placeMessage("t", { index: 5, theme: "light" }), 5)).toEqual({
      follow: null,
      answer: false,
    });
  });
});
