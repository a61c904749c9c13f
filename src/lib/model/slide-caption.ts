/**
 * A slide's caption (src/lib/model/slide-content.ts) in the words the
 * view's own caption uses (caption.ts): the filters ("All commitments, no
 * filter" for none), the sources cited and the data's date. Pure.
 */
import { type CitedSource, NO_FILTER, sourcesInWords } from "./caption.js";
import type { SlideContent } from "./slide-content.js";

export function slideCaption(parts: {
  /** The filters in words (describeFilters), "" for none. */
  filters: string;
  sources: readonly CitedSource[];
  /** The data's date as text, or null when unknown. */
  dataDate: string | null;
}): SlideContent["caption"] {
  return {
    filters: parts.filters || NO_FILTER,
    sources: sourcesInWords(parts.sources),
    dataDate: parts.dataDate ?? "an unknown date",
  };
}
