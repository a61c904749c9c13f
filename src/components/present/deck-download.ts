/**
 * /present's "Download .pptx": gathers every slide's content from its embed
 * (slide-content-gather.ts), builds the story's PowerPoint deck
 * (src/lib/deck/deck-build.ts, bundled with pptxgenjs by the loader
 * src/data/deck-builder.js.ts and loaded when first asked for) and downloads it
 * as `<story-id>.pptx`, telling its progress and any error in words. The
 * export command (scripts/export.ts) presses the same button.
 *
 * The control carries its state for the tests and the benchmark:
 * `data-export="working" | "done" | "error"`, and `data-export-ms`, the time
 * from the press to the file's bytes.
 */
import { FileAttachment } from "observablehq:stdlib";
import { DECK_SITE_HOOK, deckFileName, presentLink, rebaseLink } from "../../lib/deck/deck-embeds.js";
import type { SlideContent } from "../../lib/model/slide-content.js";
import type { Story } from "../../lib/model/stories.js";
import { el } from "../dom.js";
import { gatherSlideContents } from "./slide-content-gather.js";

type DeckBuilder = typeof import("../../lib/deck/deck-build.js");
let builder: Promise<DeckBuilder> | undefined;

/** The deck builder module, loaded once. */
function loadBuilder(): Promise<DeckBuilder> {
  builder ??= FileAttachment("../../data/deck-builder.js")
    .url()
    .then((url: string) => import(url) as Promise<DeckBuilder>);
  return builder;
}

/** The site root the deck's links name: the one a host gave (DECK_SITE_HOOK), else this page's. */
function siteRoots(): { page: string; deck: string } {
  const page = new URL("./", window.location.href).href;
  const given = (window as Window & { [DECK_SITE_HOOK]?: unknown })[DECK_SITE_HOOK];
  return { page, deck: typeof given === "string" ? given : page };
}

function withLinksTo(contents: SlideContent[], page: string, deck: string): SlideContent[] {
  return contents.map((content) => ({ ...content, link: rebaseLink(content.link, page, deck) }));
}

const kilobytes = (n: number) => `${Math.max(1, Math.round(n / 1024)).toLocaleString("en")} KB`;

/** Hands `bytes` to the browser as a download named `name`. */
function download(bytes: Uint8Array, name: string): void {
  const type = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = el("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The button and its status line, for the deck's top line. */
export function deckDownload(story: Story): HTMLElement {
  const status = el("span", { class: "aa-deck-export-status", role: "status" });
  const button = el("button", { type: "button", class: "aa-deck-button aa-deck-export" }, "Download .pptx");
  const root = el("span", { class: "aa-deck-export-control" }, button, status);
  const tell = (state: "working" | "done" | "error", text: string) => {
    root.dataset.export = state;
    status.textContent = text;
  };
  button.addEventListener("click", async () => {
    if (root.dataset.export === "working") return;
    const started = performance.now();
    const count = story.slides.length;
    tell("working", `Reading slide 1 of ${count}…`);
    button.setAttribute("aria-disabled", "true");
    try {
      // The deck builder (pptxgenjs) loads while the slides are drawn.
      const building = loadBuilder();
      building.catch(() => {});
      const contents = await gatherSlideContents(story, root, (done) =>
        tell("working", done < count ? `Reading slide ${done + 1} of ${count}…` : "Building the deck…"),
      );
      const { buildDeck } = await building;
      const roots = siteRoots();
      const linked = withLinksTo(contents, roots.page, roots.deck);
      const bytes = await buildDeck(story, linked, { presentLink: presentLink(roots.deck, story.id) });
      const ms = Math.round(performance.now() - started);
      root.dataset.exportMs = String(ms);
      const name = deckFileName(story.id);
      download(bytes, name);
      tell("done", `Downloaded ${name} (${kilobytes(bytes.length)}, ${(ms / 1000).toFixed(1)} s).`);
    } catch (error) {
      // An error from an embed's window is not this window's Error: read its message.
      const message = (error as { message?: unknown } | null)?.message;
      tell("error", `The deck could not be made: ${typeof message === "string" ? message : String(error)}`);
    } finally {
      button.removeAttribute("aria-disabled");
    }
  });
  return root;
}
