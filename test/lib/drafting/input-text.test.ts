/**
 * Pasted text made safe: markup stripped with offsets kept, entities decoded,
 * length capped, another language noticed.
 */
import { describe, expect, it } from "vitest";
import { englishShare, MAX_DRAFT_CHARS, prepareText, stripMarkup } from "../../../src/lib/drafting/input-text.js";

describe("input text", () => {
  it("strips tags, scripts and styles, decodes entities and maps each character back", () => {
    const html = '<p>Oslo &amp; Santiago</p><script>alert("<p>x</p>")</script><p>Salmon&nbsp;deal</p>';
    const { text, offsets } = stripMarkup(html);
    expect(text.replace(/\s+/g, " ").trim()).toBe("Oslo & Santiago Salmon deal");
    const at = text.indexOf("Salmon");
    expect(html.slice(offsets[at], (offsets[at] ?? 0) + 6)).toBe("Salmon");
    expect(html[offsets[text.indexOf("&")] ?? 0]).toBe("&");
  });

  it("caps a long text at a paragraph break and says so", () => {
    const long = "The sides agreed to meet.\n\n".repeat(Math.ceil((MAX_DRAFT_CHARS * 2) / 27));
    const prepared = prepareText(long);
    expect(prepared.text.length).toBeLessThanOrEqual(MAX_DRAFT_CHARS);
    expect(prepared.warnings.join(" ")).toMatch(/only the first [\d,]+ were drafted/);
  });

  it("notices text that is not English", () => {
    expect(englishShare("The two sides agreed to hold the next session in Oslo.")).toBeGreaterThan(0.2);
    const prepared = prepareText(
      "Les deux parties ont convenu de renforcer la coopération dans le domaine de l'énergie.",
    );
    expect(prepared.warnings.join(" ")).toMatch(/English only/);
  });

  it("leaves plain text as it is", () => {
    const prepared = prepareText("Plain text, 3 < 4 & nothing else.");
    expect(prepared.text).toBe("Plain text, 3 < 4 & nothing else.");
    expect(prepared.inputOffset(6)).toBe(6);
    expect(prepared.warnings).toEqual([]);
  });
});

describe("markup edge cases", () => {
  it("keeps a lone < and a tag left open as text, dropping nothing", () => {
    expect(stripMarkup("<p>3 < 4 and 5 <b").text).toBe("\n\n3 < 4 and 5 <b");
  });
});
