/**
 * "Add to a story": the view on screen as one story slide, written as YAML to
 * paste into `data/stories/<id>.yaml`, or as a whole new story file with that
 * one slide. Both read back through `readStory` (stories.ts) with no problem:
 * the link keeps only the keys a slide's link accepts (the filters and the
 * view's own options; never the frame keys theme, caption, title, fit and
 * type, which the story and /present set), the headline is the caption's
 * title and filters, cut to the headline's length, and the note is a
 * placeholder that says it is one (a story's note may not be empty).
 *
 *     const slide = storySlide({ view: "network", query: "?sector=industry&theme=dark", caption });
 *     storySlideYaml(slide);   // "  - view: network\n    link: ?sector=industry\n …"
 *     newStoryYaml(slide);     // "title: …\nslides:\n  - view: network …"
 */
import { stringify } from "yaml";
import type { Caption } from "./caption.js";
import { FILTER_KEYS } from "./filters.js";
import { escapeBraces, unescapeBraces } from "./headline-figures.js";
import { STORY_ID } from "./present.js";
import { MAX_SLIDE_TITLE, MAX_STORY_TITLE } from "./stories.js";
import { type Theme, VIEW_KEYS, type ViewName } from "./view-state.js";

/** The note a new slide carries until its author writes one (a note may not be empty). */
export const NOTE_PLACEHOLDER = "TODO: what you will say over this slide.";

/** One slide as a story file writes it (the fields of stories.ts's slide, in its order). */
export interface SlideDraft {
  view: ViewName;
  link: string;
  title: string;
  note: string;
}

export interface SlideSource {
  view: ViewName;
  /** The view's query string as the page serialises it ("?sector=industry", "" for the plain view). */
  query: string;
  /** The caption the view's exports carry: its title, and the filters on its first line. */
  caption: Caption;
}

/** Only the keys a slide's link accepts, in the order given: the filters and the view's options. */
export function storyLink(view: ViewName, query: string): string {
  const keep = new Set<string>([...FILTER_KEYS, ...VIEW_KEYS[view]]);
  // Each pair as the page wrote it (its own escaping kept, so "zoom=32,38,2" stays readable).
  const kept = query
    .trim()
    .replace(/^\?/, "")
    .split("&")
    .filter((pair) => {
      const [[key, value] = ["", ""]] = new URLSearchParams(pair);
      return keep.has(key) && value !== "";
    });
  return kept.length ? `?${kept.join("&")}` : "";
}

/** Cuts text to `max` characters at a space, ending with "…" when cut; one line, no control characters. */
export function fitText(text: string, max: number): string {
  const line = text
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s·,:;–-]+$/, "")}…`;
}

/** The caption's filters in words ("Sector: Industry · 2015–2025"), "" when it shows everything. */
function filtersOf(caption: Caption): string {
  const first = caption.lines[0] ?? "";
  const at = first.indexOf("Filters: ");
  return at < 0 ? "" : first.slice(at + "Filters: ".length).trim();
}

/**
 * A headline as a story writes it: cut to fit, its braces doubled so that a
 * name in braces reads as text, not as a figure to fill
 * (src/lib/model/headline-figures.ts).
 */
function storyHeadline(headline: string): string {
  // Each brace is written twice: leave room for the second.
  const braces = headline.match(/[{}]/g)?.length ?? 0;
  return escapeBraces(fitText(headline, MAX_SLIDE_TITLE - braces));
}

/** The slide for a view: its link, the caption's title and filters as the headline, the placeholder note. */
export function storySlide(source: SlideSource): SlideDraft {
  const filters = filtersOf(source.caption);
  const headline = filters ? `${source.caption.title} · ${filters}` : source.caption.title;
  return {
    view: source.view,
    link: storyLink(source.view, source.query),
    title: storyHeadline(headline) || source.view,
    note: NOTE_PLACEHOLDER,
  };
}

const YAML_OPTIONS = { lineWidth: 0, indent: 2 } as const;

/**
 * The slide as an item of a story's `slides:` list, indented as the sample
 * story writes its items ("  - view: …"), to paste at the end of that list.
 */
export function storySlideYaml(slide: SlideDraft): string {
  return stringify([{ ...slide }], YAML_OPTIONS)
    .split("\n")
    .map((line) => (line ? `  ${line}` : line))
    .join("\n");
}

/** A story id from a title: lower-case letters, digits and hyphens ("network-of-institutions"). */
export function storyIdOf(title: string): string {
  const whole = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  // At most 60 characters, cut between words.
  const cut = whole.length > 60 ? whole.slice(0, 61) : whole;
  const slug = whole.length > 60 && cut.lastIndexOf("-") > 20 ? cut.slice(0, cut.lastIndexOf("-")) : cut.slice(0, 60);
  return STORY_ID.test(slug) ? slug : "new-story";
}

/** A whole story file holding the one slide: the slide's headline as the story's title. */
export function newStoryYaml(slide: SlideDraft, options: { theme?: Theme } = {}): string {
  // The story's title takes no placeholders: the headline's doubled braces are single there.
  const title = unescapeBraces(slide.title);
  const story: Record<string, unknown> = { title: fitText(title, MAX_STORY_TITLE) };
  if (options.theme) story.theme = options.theme;
  story.slides = [{ ...slide }];
  const header = [
    "# A story for /present (docs/presenting.md). Save it as data/stories/<id>.yaml;",
    "# the file's name is the story's id. Write each slide's note, then add slides",
    '# with the Share menu\'s "Add to a story".',
  ].join("\n");
  return `${header}\n${stringify(story, YAML_OPTIONS)}`;
}
