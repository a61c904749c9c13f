/**
 * How a deck reads each slide's content: every slide drawn in one page
 * (DECK_CONTENTS_HOOK) with the state of the slide's own embed
 * (src/lib/model/present.ts embedSrc) in the light theme, the deck's
 * white slides being light, at the slide type scale. Also the deck's file
 * name, the link from its title slide back to the story in /present, and
 * the site its links point at: the page's own, or the one the export
 * command names (`--site`, offered to the page as DECK_SITE_HOOK), since
 * the command serves the site on a passing loopback port.
 */
import { embedSrc } from "../model/present.js";
import type { Slide } from "../model/stories.js";

/**
 * The name under which the deck page (/embed/deck?story=<id>) offers its
 * host `(progress?: (done: number) => void) => Promise<SlideContent[]>`.
 */
export const DECK_CONTENTS_HOOK = "accordAtlasDeckContents";

/** The embed address of `slide` for a deck export, relative to /present. */
export function deckEmbedSrc(slide: Slide, base = "embed/"): string {
  const src = embedSrc(slide, "light", base);
  const [path, query] = src.split("?");
  const params = new URLSearchParams(query);
  params.set("type", "slide");
  return `${path}?${params}`;
}

/** The name a story's deck downloads as. */
export function deckFileName(storyId: string): string {
  return `${storyId}.pptx`;
}

/** The name under which a host (the export command) gives /present the site root the deck's links should name. */
export const DECK_SITE_HOOK = "accordAtlasDeckSite";

/** The absolute address of the story in /present under `siteRoot` ("https://atlas.example/"), for the title slide. */
export function presentLink(siteRoot: string, storyId: string): string {
  return new URL(`present?${new URLSearchParams({ story: storyId })}`, siteRoot).href;
}

/** `link` moved from the site at `from` to the one at `to` (both roots ending in "/"); other links are kept. */
export function rebaseLink(link: string, from: string, to: string): string {
  return link.startsWith(from) ? new URL(link.slice(from.length), to).href : link;
}
