/**
 * The Share menu's Story row ("Add to a story"): the view on screen as the
 * YAML of one story slide, shown in a field and copied, to paste at the end
 * of `slides:` in `data/stories/<id>.yaml`; or a new story file holding that
 * slide, downloaded under a name that is a valid story id. The YAML comes
 * from src/lib/model/story-slide-yaml.ts, read from the view when asked;
 * that module (with the YAML library and the stories' schema, about 600 kB)
 * is imported on the first press, not with the page: every chart page has a
 * Share menu, and most visits never make a story.
 *
 * `storyRow({view, state, caption, say, button, copy})` → { row, field }.
 */
import type { Caption } from "../lib/model/caption.js";
import type { ViewName } from "../lib/model/view-state.js";
import { el } from "./dom.js";
import { download } from "./export-image.js";

export interface StoryRowOptions {
  view: ViewName;
  state: () => string;
  caption: () => Caption;
  say: (text: string) => void;
  /** The menu's button maker: it says what it does, then what it did or why it could not. */
  button: (testId: string, label: string, what: string, task: () => Promise<void> | void) => HTMLButtonElement;
  /** Copies text to the clipboard, selecting it in the field when that is refused; true when copied. */
  copy: (text: string, field: HTMLTextAreaElement) => Promise<boolean>;
}

/** The slide-YAML module, imported once, on first use. */
let slideYaml: Promise<typeof import("../lib/model/story-slide-yaml.js")> | undefined;
const loadSlideYaml = () => {
  slideYaml ??= import("../lib/model/story-slide-yaml.js");
  return slideYaml;
};

export function storyRow(options: StoryRowOptions): HTMLElement {
  const { say, button } = options;
  const slide = async () => {
    const yaml = await loadSlideYaml();
    return {
      yaml,
      slide: yaml.storySlide({ view: options.view, query: options.state(), caption: options.caption() }),
    };
  };
  const field = el("textarea", {
    readonly: true,
    rows: 5,
    hidden: true,
    "aria-label": "A story slide for this view, as YAML",
    "data-testid": "share-story-yaml",
  }) as HTMLTextAreaElement;
  const add = button("share-story-add", "Add to a story", "Copy the slide", async () => {
    const { yaml, slide: s } = await slide();
    field.value = yaml.storySlideYaml(s);
    field.hidden = false;
    const copied = await options.copy(field.value, field);
    say(
      `${copied ? "Slide copied" : "Select the slide and copy it"}: paste it at the end of slides: in data/stories/<id>.yaml, then write its note.`,
    );
  });
  const fresh = button("share-story-new", "Download a new story", "Save a new story", async () => {
    const { yaml, slide: s } = await slide();
    const name = `${yaml.storyIdOf(s.title)}.yaml`;
    download(new Blob([yaml.newStoryYaml(s)], { type: "application/yaml;charset=utf-8" }), name);
    say(`Saved ${name}: put it in data/stories/ (its name is the story's id), then write the slide's note.`);
  });
  return el(
    "div",
    { class: "aa-share-row aa-share-story" },
    el("span", { class: "aa-share-label" }, "Story"),
    add,
    fresh,
    field,
  );
}
