/**
 * The presentation deck's state (src/lib/model/deck-state.ts): what each
 * action does, which frame shows a slide, when the next slide is preloaded,
 * and the words on the buttons and frames.
 */
import { describe, expect, it } from "vitest";
import {
  type DeckState,
  deckStep,
  frameSwap,
  frameTitle,
  noteButtonText,
  otherTheme,
  preloadStep,
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
  it("keeps the frame showing the slide, reveals the preloaded one, else loads", () => {
    expect(frameSwap("a", "a", "b")).toBe("keep");
    expect(frameSwap("b", "a", "b")).toBe("reveal");
    expect(frameSwap("c", "a", "b")).toBe("load");
    expect(frameSwap("c", null, null)).toBe("load");
  });

  it("preloads the next slide only once the current frame has loaded, and only when it differs", () => {
    expect(preloadStep("b", { src: "a", loaded: true }, null)).toEqual({ drop: false, load: true });
    expect(preloadStep("b", { src: "a", loaded: false }, null)).toEqual({ drop: false, load: false });
    expect(preloadStep("a", { src: "a", loaded: true }, null)).toEqual({ drop: false, load: false });
    expect(preloadStep("b", null, null)).toEqual({ drop: false, load: false });
  });

  it("keeps a preloaded frame of the next slide, and replaces or drops any other", () => {
    expect(preloadStep("b", { src: "a", loaded: true }, "b")).toEqual({ drop: false, load: false });
    expect(preloadStep("c", { src: "a", loaded: true }, "b")).toEqual({ drop: true, load: true });
    expect(preloadStep(null, { src: "a", loaded: true }, "b")).toEqual({ drop: true, load: false });
    expect(preloadStep("c", { src: "a", loaded: false }, "b")).toEqual({ drop: true, load: false });
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
