/**
 * The drafter, loaded on demand: draft-text.js and wink-nlp's English model
 * (about 3.8 MB) are a chunk of their own that the /draft page imports once it
 * shows, so no other page and not the page's first paint waits for them.
 */
import type { draftText } from "../../lib/drafting/draft-text.js";

export type DraftFunction = typeof draftText;

let loading: Promise<DraftFunction> | undefined;

/** The drafter's entry point, imported once. */
export function loadDrafter(): Promise<DraftFunction> {
  loading ??= import("../../lib/drafting/draft-text.js").then((module) => module.draftText);
  return loading;
}
