/**
 * The reviewed event file on the /draft page: Download (a Blob through a link
 * with a download name) and Copy (the clipboard, or selecting the text and
 * the browser's copy command where the clipboard is refused), with the file
 * shown as it will be saved and what the two did said aloud.
 */
import { el } from "../dom.js";

export interface FileOutput {
  element: HTMLElement;
  /** The file's text and name, and whether it can be saved (false: nothing accepted). */
  show(yaml: string, name: string, ready: boolean, counts: string): void;
}

/** Copies through a selected, off-screen text box: for browsers that refuse the clipboard API. */
function copyBySelection(text: string): boolean {
  const box = el("textarea", { "aria-hidden": "true", class: "aa-offscreen", tabindex: -1 });
  box.value = text;
  document.body.append(box);
  box.select();
  let done = false;
  try {
    done = document.execCommand("copy");
  } catch {
    done = false;
  }
  box.remove();
  return done;
}

export function fileOutput(): FileOutput {
  let yaml = "";
  let name = "draft.yaml";
  const status = el("p", { role: "status", class: "aa-draft-output-status", "data-testid": "draft-output-status" });
  const counts = el("p", { class: "aa-draft-counts", "data-testid": "draft-counts" });
  const preview = el("pre", {
    class: "aa-draft-yaml",
    "data-testid": "draft-yaml",
    tabindex: 0,
    "aria-label": "The event file",
  });
  const download = el("button", { type: "button", "data-testid": "draft-download" }, "Download the event file");
  const copy = el("button", { type: "button", "data-testid": "draft-copy" }, "Copy the YAML");
  download.addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([yaml], { type: "application/yaml" }));
    const a = el("a", { href: url, download: name, class: "aa-offscreen" });
    document.body.append(a);
    a.click();
    a.remove();
    // Kept a minute: the browser reads the Blob after the click returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status.textContent = `Saved ${name}. Review it, then move it into the data folder's events/ and run npm run validate.`;
  });
  copy.addEventListener("click", async () => {
    let done = false;
    try {
      await navigator.clipboard.writeText(yaml);
      done = true;
    } catch {
      done = copyBySelection(yaml);
    }
    status.textContent = done ? "Copied the YAML." : "The browser refused to copy: select the file below and copy it.";
  });
  const element = el(
    "section",
    { class: "aa-draft-output", "aria-labelledby": "aa-draft-output-heading" },
    el("h2", { id: "aa-draft-output-heading" }, "4. The event file"),
    counts,
    el("div", { class: "aa-draft-output-buttons" }, download, copy),
    status,
    el("details", { class: "aa-draft-yaml-box" }, el("summary", {}, "Show the file"), preview),
  );
  return {
    element,
    show(nextYaml, nextName, ready, countWords) {
      yaml = nextYaml;
      name = nextName;
      preview.textContent = yaml;
      counts.textContent = countWords;
      download.disabled = !ready;
      copy.disabled = !ready;
    },
  };
}
