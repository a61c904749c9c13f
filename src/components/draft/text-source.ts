/**
 * Where the press release comes in on the /draft page: a text box to paste
 * into and a button to open a .txt, .md or .html file, read as UTF-8. Calls
 * `onText` with the whole text after each change.
 */
import { el } from "../dom.js";

export const OPENED_TYPES = ".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";

export interface TextSource {
  element: HTMLElement;
  textarea: HTMLTextAreaElement;
}

export function textSource(onText: (text: string, from: "paste" | "file") => void): TextSource {
  const textarea = el("textarea", {
    id: "aa-draft-text-input",
    class: "aa-draft-textarea",
    rows: 12,
    spellcheck: false,
    placeholder: "Paste a press release or communiqué here: its headline, then its paragraphs.",
    "data-testid": "draft-text",
  });
  textarea.addEventListener("input", () => onText(textarea.value, "paste"));
  const status = el("span", { class: "aa-draft-file-status", role: "status" });
  const file = el("input", {
    type: "file",
    id: "aa-draft-file",
    accept: OPENED_TYPES,
    class: "aa-draft-file-input",
    "data-testid": "draft-file",
  });
  file.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    try {
      textarea.value = await chosen.text();
      status.textContent = `Opened ${chosen.name} (${chosen.size.toLocaleString("en")} bytes).`;
      onText(textarea.value, "file");
    } catch (error) {
      status.textContent = `Could not read ${chosen.name}: ${error instanceof Error ? error.message : String(error)}`;
    }
  });
  const element = el(
    "section",
    { class: "aa-draft-source", "aria-labelledby": "aa-draft-source-heading" },
    el("h2", { id: "aa-draft-source-heading" }, "1. The text"),
    el("label", { for: "aa-draft-text-input" }, "Press release or communiqué (English)"),
    textarea,
    el(
      "p",
      { class: "aa-draft-file" },
      el("label", { for: "aa-draft-file" }, "Or open a .txt, .md or .html file: "),
      file,
      " ",
      status,
    ),
  );
  return { element, textarea };
}
