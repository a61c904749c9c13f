/**
 * The commitment panel: opens beside the page when a mark, a table row or a
 * follow-up entry is chosen, and shows the commitment, its status updates as
 * a track, and every source with its link. Escape or the close button closes
 * it and gives focus back to what opened it (or, when a redraw replaced that
 * mark or button while the panel was open, to its replacement).
 *
 * `commitmentPanel({load, related})` → element with `open(id, trigger)` and `close()`.
 */
import type { PanelDetail, PanelUpdate } from "../../lib/timeline/commitment-panel-text.js";
import { el, errorState } from "../dom.js";
import { commitmentPanelBody, type RelatedLink } from "./commitment-panel-body.js";

export type CommitmentPanel = HTMLElement & {
  open(id: string, trigger?: Element | null): Promise<void>;
  close(): void;
};

export interface PanelOptions {
  load: (id: string) => Promise<{ detail: PanelDetail | undefined; updates: PanelUpdate[] }>;
  /** Other commitments to jump to (follow-up partners), shown as buttons. */
  related?: (id: string) => RelatedLink[];
  /** Told the open commitment's id, or null when the panel closes (the page keeps it in the link). */
  onChange?: (id: string | null) => void;
}

export function commitmentPanel({ load, related, onChange }: PanelOptions): CommitmentPanel {
  const heading = el("h2", { id: "aa-panel-title", tabindex: -1 }, "Commitment");
  const body = el("div", { class: "aa-panel-body" });
  const closeButton = el("button", { type: "button", class: "aa-panel-close", "aria-label": "Close the panel" }, "×");
  const panel = el(
    "aside",
    {
      class: "aa-panel",
      role: "dialog",
      "aria-modal": "false",
      "aria-labelledby": "aa-panel-title",
      "data-testid": "commitment-panel",
      hidden: true,
    },
    el("div", { class: "aa-panel-head" }, heading, closeButton),
    body,
  ) as CommitmentPanel;
  let trigger: Element | null = null;
  let current = "";

  panel.close = () => {
    if (panel.hidden) return;
    panel.hidden = true;
    current = "";
    onChange?.(null);
    const back = trigger?.isConnected ? trigger : replacementOf(trigger);
    if (back instanceof HTMLElement || back instanceof SVGElement) back.focus();
  };
  closeButton.addEventListener("click", () => panel.close());
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) {
      event.preventDefault();
      panel.close();
    }
  });

  panel.open = async (id, from) => {
    if (from) trigger = from;
    current = id;
    onChange?.(id);
    panel.hidden = false;
    panel.dataset.id = id;
    heading.textContent = "Loading…";
    body.replaceChildren();
    heading.focus();
    let result: Awaited<ReturnType<PanelOptions["load"]>>;
    try {
      result = await load(id);
    } catch (error) {
      if (current !== id) return;
      heading.textContent = "Could not load the commitment";
      body.replaceChildren(errorState("The query failed.", error));
      return;
    }
    if (current !== id) return;
    const { detail: d, updates } = result;
    if (!d) {
      heading.textContent = "Commitment not found";
      return;
    }
    heading.textContent = d.summary;
    body.replaceChildren(...commitmentPanelBody(d, updates, related?.(id) ?? [], (next) => void panel.open(next)));
  };
  return panel;
}

/** The element now drawn for the same commitment as `trigger` (a chart's mark, a table's button), or null. */
function replacementOf(trigger: Element | null): Element | null {
  const id = trigger?.getAttribute("data-id");
  const opens = trigger?.getAttribute("data-open");
  if (id && trigger?.hasAttribute("data-mark"))
    return document.querySelector(`[data-mark][data-id="${CSS.escape(id)}"]`);
  return opens ? document.querySelector(`[data-open="${CSS.escape(opens)}"]`) : null;
}
