/**
 * Every slide of a story drawn in one page, one after another, for a deck
 * export (/embed/deck?story=<id>): the same view modules and the same slide
 * state (src/lib/deck/deck-embeds.ts deckEmbedSrc) as the slide's own
 * embed, each in a 1280 × 720 box laid out as a fitted frame, but with one
 * query engine and one load of the tables for all of them, rather than one
 * engine per slide. Offers `window[DECK_CONTENTS_HOOK](progress)` to its
 * same-origin host (/present's "Download .pptx"), which resolves with every
 * slide's content (src/lib/model/slide-content.ts) in order; a slide whose
 * view fails rejects, naming the slide.
 */
import { DECK_CONTENTS_HOOK, deckEmbedSrc } from "../../lib/deck/deck-embeds.js";
import type { SlideContent, SlideContentSource } from "../../lib/model/slide-content.js";
import type { Slide, Story } from "../../lib/model/stories.js";
import type { ViewName } from "../../lib/model/view-state.js";
import { el, errorState } from "../dom.js";
import { type EmbedRender, embedStyles, readState } from "../embedding/embed-frame.js";
import { networkView } from "../network/network-view.js";
import { sectorEmbed } from "../overview/sector-embed.js";
import { scorecardsEmbed } from "../timeline/scorecards-embed.js";
import { timelineView } from "../timeline/timeline-view.js";

const RENDERERS: { [V in ViewName]: EmbedRender<V> } = {
  network: networkView,
  timeline: timelineView,
  sectors: sectorEmbed,
  scorecards: scorecardsEmbed,
};

/** The words for a slide in an error: "Slide 4 (timeline, “Promises come in bursts…”)". */
function slideName(slide: Slide, index: number): string {
  return `Slide ${index + 1} (${slide.view}, “${slide.title}”)`;
}

/** One slide drawn in `box` as its embed draws it, described, then taken away. */
async function slideContent(slide: Slide, index: number, box: HTMLElement): Promise<SlideContent> {
  const query = deckEmbedSrc(slide).split("?")[1] ?? "";
  try {
    const state = await readState(slide.view, query);
    const render = RENDERERS[slide.view] as EmbedRender<ViewName>;
    const node: HTMLElement & SlideContentSource = await render(state, {
      siteRoot: new URL("../", location.href).href,
      notices: state.notices,
      today: new URLSearchParams(query).get("today"),
    });
    box.replaceChildren(node);
    if (!node.slideContent) throw new Error("its view does not describe itself for a deck");
    return await node.slideContent();
  } catch (error) {
    const message = (error as { message?: unknown } | null)?.message;
    throw new Error(`${slideName(slide, index)}: ${typeof message === "string" ? message : String(error)}`);
  } finally {
    box.replaceChildren();
  }
}

/** The deck page's content for the story named by `?story=`: a status line, and the hook. */
export function deckRender(stories: readonly Story[]): HTMLElement {
  const id = new URLSearchParams(location.search).get("story");
  const story = stories.find((s) => s.id === id);
  if (!story) return errorState("No such story.", `The address names “${id ?? ""}”, which no story file holds.`);
  const status = el("p", { class: "aa-deck-render-status", role: "status" }, `${story.title}: ready to draw.`);
  // A fitted frame's size: the deck's 16:9 slide, as its embeds are loaded for it.
  const box = el("div", { class: "aa-deck-render-slide", style: "width:1280px;height:720px;position:relative;" });
  const contents = async (progress: (done: number) => void = () => {}): Promise<SlideContent[]> => {
    await embedStyles();
    const out: SlideContent[] = [];
    for (const [index, slide] of story.slides.entries()) {
      status.textContent = `Drawing slide ${index + 1} of ${story.slides.length}…`;
      out.push(await slideContent(slide, index, box));
      progress(out.length);
    }
    status.textContent = `Drew ${out.length} slides.`;
    return out;
  };
  Object.assign(window, { [DECK_CONTENTS_HOOK]: contents });
  return el("div", { class: "aa-deck-render" }, status, box);
}
