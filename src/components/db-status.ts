/**
 * A line that tells the user what the query engine is doing: starting,
 * loading tables (which ones, how many of their parts, bytes received of
 * those asked for, with a bar), or why it failed. Hidden while nothing is
 * loading; it comes back when a later query needs more (a wider time range,
 * a table the page had not needed yet).
 *
 * Until the page is first ready the line sits in the page's flow, where
 * its charts will be; after that a later load is said in a corner over the
 * page (`data-settled`), since the line coming back in the flow would push
 * the charts down under the reader's pointer (a node aimed at, a box about
 * to be ticked).
 *
 * The line is a polite live region (role=status): screen readers announce
 * its sentence, which changes when a table or part is in, not with every
 * chunk of bytes; the bar carries the bytes (its value and aria-valuetext),
 * and the same bytes are written beside it for the eye only.
 */
import { bytesLine, loadMessage } from "../lib/client/load-progress.js";
import { onStatus } from "./db.js";
import { el } from "./dom.js";

export function dbStatus(): HTMLElement {
  const spinner = el("span", { class: "aa-spinner", "aria-hidden": "true" });
  const text = el("span", { class: "aa-status-text" });
  const bar = el("progress", { class: "aa-status-bar", max: "1", value: "0", "aria-label": "Table data received" });
  bar.hidden = true;
  const bytes = el("span", { class: "aa-status-bytes", "aria-hidden": "true" });
  const node = el("div", { class: "aa-status", role: "status", "aria-live": "polite" }, spinner, text, bar, bytes);
  onStatus((s) => {
    node.dataset.state = s.state;
    if (s.state === "ready" && !node.dataset.settled) node.dataset.settled = "true";
    spinner.hidden = s.state === "error";
    const total = s.totalBytes ?? 0;
    const loading = s.state === "starting" || s.state === "loading tables";
    const tables = s.tables ?? [];
    const message =
      s.state === "error"
        ? `${sentence(s.message)} Reload the page; if it persists, check that the site's _node and _file folders were deployed with it.`
        : loading
          ? // The sentence without the running byte count: that goes to the bar.
            loadMessage({ tables, pending: true, bytes: total, received: s.bytes ?? 0 }, s.state !== "starting", {
              bytes: false,
            })
          : s.message;
    if (text.textContent !== message) text.textContent = message;
    bar.hidden = !(loading && total > 0);
    bytes.hidden = bar.hidden;
    if (bar.hidden) bytes.textContent = "";
    else {
      const line = bytesLine({ bytes: total, received: s.bytes ?? 0 });
      bar.max = total;
      bar.value = Math.min(s.bytes ?? 0, total);
      bar.setAttribute("aria-valuetext", line);
      bytes.textContent = line;
    }
    node.dataset.tables = tables.map((t) => t.table).join(" ");
  });
  return node;
}

/** The message as a sentence: a full stop after it unless it ends a sentence already (a browser's message may not). */
function sentence(message: string): string {
  return /[.!?…]["”’)]?$/.test(message.trim()) ? message.trim() : `${message.trim()}.`;
}
