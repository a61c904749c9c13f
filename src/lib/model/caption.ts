/**
 * The caption every chart carries when it leaves the page (exports, embeds,
 * story slides): what it shows, the filters in words, the sources cited by the
 * records shown, and the date of the data. One rule for every view, so an
 * image in a slide deck says what a reader of the page would see.
 */

export interface CitedSource {
  publisher: string;
  title?: string | null;
  url?: string | null;
  /** How many of the records shown cite it. */
  n: number;
  /** How many sources the records shown cite in all, when the list holds only the most cited (citedSources). */
  cited_total?: number;
}

/** How many sources a list stands for: all of them, even when it holds only the most cited. */
export function citedCount(sources: readonly CitedSource[]): number {
  return sources[0]?.cited_total ?? sources.length;
}

export interface CaptionInput {
  title: string;
  /** The filters in words (describeFilters), or "" for none. */
  filters: string;
  /** Sources cited by the records shown, most cited first. */
  sources: readonly CitedSource[];
  /** The data's date as text ("12 Feb 2025"), or null when unknown. */
  dataDate: string | null;
  /** Extra facts about the view ("120 institutions · 300 links"). */
  detail?: string;
  /** Where the chart comes from (the page's address), printed last. */
  link?: string;
}

export interface Caption {
  title: string;
  lines: string[];
}

/** The caption's words when no filter is set. */
export const NO_FILTER = "All commitments, no filter";

/** How many sources a caption names before "and N more". */
export const CAPTION_SOURCES = 3;

/** "Gov. of Pakistan (12), BelTA (4) and 3 more" */
export function sourcesInWords(sources: readonly CitedSource[], limit = CAPTION_SOURCES): string {
  if (sources.length === 0) return "none cited";
  const named = sources.slice(0, limit).map((s) => `${s.publisher} (${s.n})`);
  const rest = citedCount(sources) - named.length;
  return rest > 0 ? `${named.join(", ")} and ${rest} more` : named.join(", ");
}

export function buildCaption(input: CaptionInput): Caption {
  const lines = [
    [input.detail, input.filters ? `Filters: ${input.filters}` : NO_FILTER].filter(Boolean).join(" · "),
    `Sources: ${sourcesInWords(input.sources)}. Data as of ${input.dataDate ?? "an unknown date"}.`,
  ];
  if (input.link) lines.push(`Accord Atlas · ${input.link}`);
  return { title: input.title, lines };
}

/** The caption as plain text, one line each (the CSV header, alt text). */
export function captionText(caption: Caption): string {
  return [caption.title, ...caption.lines].join("\n");
}

/**
 * Breaks a line into lines of at most `max` characters at spaces (for drawing
 * the caption into an SVG or canvas, which do not wrap). A word longer than
 * `max` is cut, never dropped.
 */
export function wrapText(text: string, max: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = word;
    while (w.length > max) {
      if (line) {
        out.push(line);
        line = "";
      }
      out.push(w.slice(0, max));
      w = w.slice(max);
    }
    if (!line) line = w;
    else if (line.length + 1 + w.length <= max) line += ` ${w}`;
    else {
      out.push(line);
      line = w;
    }
  }
  if (line) out.push(line);
  return out;
}
