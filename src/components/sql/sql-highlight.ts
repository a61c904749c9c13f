/**
 * A query shown, not edited: its text highlighted with the SQL language's
 * parser into <span class="tok-…"> runs (text nodes only, never HTML), for
 * the example cells.
 */
import { PostgreSQL } from "@codemirror/lang-sql";
import { classHighlighter, highlightCode } from "@lezer/highlight";
import { el } from "../dom.js";

/** `<pre><code>` of `text`, highlighted. */
export function highlightedSql(text: string, attrs: Record<string, string> = {}): HTMLElement {
  const code = el("code", { class: "aa-sql-code" });
  const tree = PostgreSQL.language.parser.parse(text);
  highlightCode(
    text,
    tree,
    classHighlighter,
    (part, classes) => code.append(classes ? el("span", { class: classes }, part) : document.createTextNode(part)),
    () => code.append(document.createTextNode("\n")),
  );
  return el("pre", { class: "aa-sql-pre", ...attrs }, code);
}
