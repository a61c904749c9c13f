/**
 * A query shown, not edited: its text highlighted with the SQL language's
 * parser into <span class="tok-…"> runs (text nodes only, never HTML), for
 * the example cells. @codemirror/lang-sql brings most of CodeMirror with it,
 * so pages import this module when they highlight (sql-text.ts), not before.
 */
import { PostgreSQL } from "@codemirror/lang-sql";
import { classHighlighter, highlightCode } from "@lezer/highlight";
import { el } from "../dom.js";

/** `code`'s children replaced by `text`, highlighted. */
export function highlightInto(code: HTMLElement, text: string): void {
  const parts: (Node | string)[] = [];
  const tree = PostgreSQL.language.parser.parse(text);
  highlightCode(
    text,
    tree,
    classHighlighter,
    (part, classes) => parts.push(classes ? el("span", { class: classes }, part) : part),
    () => parts.push("\n"),
  );
  code.replaceChildren(...parts);
}
