import { describe, expect, it } from "vitest";
import { buildCaption, captionText, sourcesInWords, wrapText } from "../../../src/lib/model/caption.js";

const sources = [
  { publisher: "MOFA Pakistan", n: 25 },
  { publisher: "BelTA", n: 4 },
  { publisher: "APP", n: 3 },
  { publisher: "Dawn", n: 1 },
  { publisher: "Belarus MFA", n: 1 },
];

describe("caption", () => {
  it("names the most cited sources and counts the rest", () => {
    expect(sourcesInWords(sources)).toBe("MOFA Pakistan (25), BelTA (4), APP (3) and 2 more");
    expect(sourcesInWords(sources.slice(0, 2))).toBe("MOFA Pakistan (25), BelTA (4)");
    expect(sourcesInWords([])).toBe("none cited");
  });

  it("says the filters in words, or that there are none, and the data date", () => {
    const c = buildCaption({
      title: "Network",
      filters: "Sector: Industry · 2015–2025",
      sources,
      dataDate: "12 Feb 2025",
      detail: "14 institutions",
    });
    expect(c.lines[0]).toBe("14 institutions · Filters: Sector: Industry · 2015–2025");
    expect(c.lines[1]).toBe("Sources: MOFA Pakistan (25), BelTA (4), APP (3) and 2 more. Data as of 12 Feb 2025.");
    const none = buildCaption({ title: "Network", filters: "", sources: [], dataDate: null });
    expect(captionText(none)).toContain("All commitments, no filter");
    expect(captionText(none)).toContain("none cited. Data as of an unknown date.");
  });

  it("wraps at spaces and cuts words longer than a line without losing characters", () => {
    const text = "Sources: MOFA Pakistan (25), BelTA (4) https://example.org/a-very-long-address-without-spaces";
    const lines = wrapText(text, 20);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(20);
    expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    expect(wrapText("", 10)).toEqual([]);
  });
});
