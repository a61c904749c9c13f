/**
 * A line that tells the user what the query engine is doing: starting,
 * loading tables (with progress), or why it failed. Hidden once ready.
 */
import { onStatus } from "./db.js";
import { el } from "./dom.js";

export function dbStatus(): HTMLElement {
  const spinner = el("span", { class: "aa-spinner", "aria-hidden": "true" });
  const text = el("span", {});
  const node = el("div", { class: "aa-status", role: "status", "aria-live": "polite" }, spinner, text);
  onStatus((s) => {
    node.dataset.state = s.state;
    spinner.hidden = s.state === "error";
    text.textContent =
      s.state === "error"
        ? `${s.message} Reload the page; if it persists, check that the site's _node folder was deployed with it.`
        : s.message;
  });
  return node;
}
