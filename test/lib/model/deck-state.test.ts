/**
 * The presentation deck's state (src/lib/model/deck-state.ts): what each
 * action does, which frame shows a slide, when the next slide is preloaded,
 * and the words on the buttons and frames.
 */
import { describe, expect, it } from "vitest";
import {
  type DeckState,
  deckStep,
  framePlan,
  framesToKeep,
  frameTitle,
  noteButtonText,
  otherTheme,
  themeButtonText,
} from "../../../src/lib/model/deck-state.js";

const at = (index: number, over: Partial<DeckState> = {}): DeckState => ({
  index,
  theme: "light",
  noteOpen: false,
  ...over,
});

describe("deckStep", () => {
  it("moves within the story, and does nothing at its ends", () => {
    expect(deckStep(at(0), "next", 3, false)).toEqual({ state: at(1), effect: "move" });
    expect(deckStep(at(2), "previous", 3, false)).toEqual({ state: at(1), effect: "move" });
    expect(deckStep(at(0), "last", 3, false)).toEqual({ state: at(2), effect: "move" });
    expect(deckStep(at(2), "first", 3, false)).toEqual({ state: at(0), effect: "move" });
    expect(deckStep(at(2), "next", 3, false)).toEqual({ state: at(2), effect: "none" });
    expect(deckStep(at(0), "previous", 3, false)).toEqual({ state: at(0), effect: "none" });
    expect(deckStep(at(0), "first", 3, false).effect).toBe("none");
  });

  it("keeps the note and the theme when moving", () => {
    const state = at(1, { theme: "dark", noteOpen: true });
    expect(deckStep(state, "next", 3, false).state).toEqual({ index: 2, theme: "dark", noteOpen: true });
  });

  it("toggles the speaker note and the theme", () => {
    expect(deckStep(at(1), "note", 3, false)).toEqual({ state: at(1, { noteOpen: true }), effect: "draw" });
    expect(deckStep(at(1, { noteOpen: true }), "note", 3, false).state.noteOpen).toBe(false);
    expect(deckStep(at(1), "theme", 3, false)).toEqual({ state: at(1, { theme: "dark" }), effect: "theme" });
    expect(deckStep(at(1, { theme: "dark" }), "theme", 3, false).state.theme).toBe("light");
  });

  it("enters or leaves full screen with F", () => {
    expect(deckStep(at(0), "fullscreen", 3, false)).toEqual({ state: at(0), effect: "enter-fullscreen" });
    expect(deckStep(at(0), "fullscreen", 3, true)).toEqual({ state: at(0), effect: "exit-fullscreen" });
  });

  it("leaves full screen with Escape first, then closes the note, then does nothing", () => {
    const open = at(0, { noteOpen: true });
    expect(deckStep(open, "exit", 3, true)).toEqual({ state: open, effect: "exit-fullscreen" });
    expect(deckStep(open, "exit", 3, false)).toEqual({ state: at(0), effect: "draw" });
    expect(deckStep(at(0), "exit", 3, false)).toEqual({ state: at(0), effect: "none" });
  });
});

describe("frames", () => {
  it("keeps the slide's frame and its neighbours', the next one first", () => {
    const srcs = ["a", "b", "c", "d"];
    expect(framesToKeep(1, srcs)).toEqual({ show: "b", neighbours: ["c", "a"] });
    expect(framesToKeep(0, srcs)).toEqual({ show: "a", neighbours: ["b"] });
    expect(framesToKeep(3, srcs)).toEqual({ show: "d", neighbours: ["c"] });
    expect(framesToKeep(0, ["a"])).toEqual({ show: "a", neighbours: [] });
  });

  it("gives a neighbour that shows the slide's own address no frame, and one frame to two equal neighbours", () => {
    expect(framesToKeep(1, ["a", "a", "b"])).toEqual({ show: "a", neighbours: ["b"] });
    expect(framesToKeep(1, ["b", "a", "b"])).toEqual({ show: "a", neighbours: ["b"] });
  });

  it("loads the missing neighbours once the slide's frame has loaded, and drops the frames no longer needed", () => {
    const keep = { show: "b", neighbours: ["c", "a"] };
    expect(framePlan(keep, ["b"], true)).toEqual({ drop: [], load: ["c", "a"] });
    expect(framePlan(keep, ["b"], false)).toEqual({ drop: [], load: [] });
    // Moving forward from a: the old slide is now the previous one, kept; nothing to load but c.
    expect(framePlan(keep, ["a", "b"], true)).toEqual({ drop: [], load: ["c"] });
    expect(framePlan(keep, ["z", "a", "b", "c"], true)).toEqual({ drop: ["z"], load: [] });
    expect(framePlan({ show: "a", neighbours: [] }, ["a", "b"], true)).toEqual({ drop: ["b"], load: [] });
  });

  it("titles a frame with its view and the slide's headline", () => {
    const slide = { view: "timeline", link: "", title: "Energy", note: "", caption: true } as const;
    expect(frameTitle(slide)).toBe("Sector timelines: Energy");
    expect(frameTitle({ ...slide, view: "network" })).toBe("Network: Energy");
  });
});

describe("button texts", () => {
  it("say what the button does next", () => {
    expect([noteButtonText(false), noteButtonText(true)]).toEqual(["Note", "Hide note"]);
    expect([themeButtonText("light"), themeButtonText("dark")]).toEqual(["Dark theme", "Light theme"]);
    expect([otherTheme("light"), otherTheme("dark")]).toEqual(["dark", "light"]);
  });
});
