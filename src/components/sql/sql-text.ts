/**
 * A query shown, not edited, as `<pre><code>`: its text at once, its
 * highlighting once `after` settles. The highlighter (sql-highlight.ts) is
 * imported then: its SQL parser brings most of CodeMirror, which the page's
 * first answer should not wait behind (docs/performance.md, "The SQL page's
 * notebook loaded after the first answer"). The text does not change, only
 * its colours; if the highlighter cannot load, the text stays plain.
 */
import { el } from "../dom.js";

let highlighter: Promise<typeof import("./sql-highlight.js")> | undefined;

/** `<pre>` (with `attrs`) holding `text`, highlighted once `after` has settled. */
export function sqlText(text: string, attrs: Record<string, string>, after: Promise<unknown>): HTMLElement {
  const code = el("code", { class: "aa-sql-code" }, text);
  const highlight = async () => {
    highlighter ??= import("./sql-highlight.js");
    const { highlightInto } = await highlighter;
    highlightInto(code, text);
    code.setAttribute("data-highlighted", "");
  };
  const settled = () => void highlight().catch(() => {});
  after.then(settled, settled);
  return el("pre", { class: "aa-sql-pre", ...attrs }, code);
}
