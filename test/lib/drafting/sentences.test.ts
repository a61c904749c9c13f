import { describe, expect, it } from "vitest";
import {
  formatLocator,
  parseLocator,
  sentencesOf,
  splitBody,
  splitSentences,
} from "../../../src/lib/drafting/sentences.js";

describe("splitBody", () => {
  it("takes the first block as the headline and drops front matter", () => {
    const text = "---\nsource_url: https://example.org\n---\n\n# Two sides agree\n\nCAIRO, 1 May 2023 — They agreed.\n";
    expect(splitBody(text)).toEqual({ headline: "Two sides agree", paragraphs: ["CAIRO, 1 May 2023 — They agreed."] });
  });

  it("rejoins a paragraph broken by a blank line in the middle of a sentence", () => {
    const text = "Headline\n\nThe partnership between Heavy\n\nIndustries Taxila and MTW grows.\n\nNext one.";
    expect(splitBody(text).paragraphs).toEqual([
      "The partnership between Heavy Industries Taxila and MTW grows.",
      "Next one.",
    ]);
  });

  it("makes each list item its own paragraph and drops headings", () => {
    const text =
      "Headline\n\n## Documents\n\nThey signed:\n\n- an agreement on trade;\n- a protocol on energy\n\n1. a programme";
    expect(splitBody(text).paragraphs).toEqual([
      "They signed:",
      "an agreement on trade;",
      "a protocol on energy",
      "a programme",
    ]);
  });

  it("joins wrapped lines of one paragraph and reads CRLF", () => {
    expect(splitBody("Head\r\n\r\nOne line\r\nwrapped.\r\n").paragraphs).toEqual(["One line wrapped."]);
  });
});

describe("sentencesOf", () => {
  it("cuts after a full stop followed by a capital", () => {
    expect(sentencesOf("They agreed. Both will sign! Will they? Yes.")).toEqual([
      "They agreed.",
      "Both will sign!",
      "Will they?",
      "Yes.",
    ]);
  });

  it("does not cut after titles, initials, months or lower-case continuations", () => {
    expect(sentencesOf("Dr. Momen and A.K. Abdul Momen met S. Jaishankar on 5 Jan. 2020 etc. and agreed.")).toEqual([
      "Dr. Momen and A.K. Abdul Momen met S. Jaishankar on 5 Jan. 2020 etc. and agreed.",
    ]);
  });

  it("keeps a closing quote with its sentence and cuts before a digit", () => {
    expect(sentencesOf('He said "we agree." 2026 is the target.')).toEqual([
      'He said "we agree."',
      "2026 is the target.",
    ]);
  });
});

describe("splitSentences", () => {
  it("numbers sentences over the whole body from 0 and paragraphs from 1", () => {
    const text = "Headline here\n\nDATELINE — First. Second.\n\nThird.";
    expect(splitSentences(text)).toEqual([
      { index: 0, paragraph: 1, text: "DATELINE — First." },
      { index: 1, paragraph: 1, text: "Second." },
      { index: 2, paragraph: 2, text: "Third." },
    ]);
  });
});

describe("locators", () => {
  it("round-trips s<sentence> ¶<paragraph>", () => {
    expect(formatLocator({ sentence: 12, paragraph: 5 })).toBe("s12 ¶5");
    expect(parseLocator("s12 ¶5")).toEqual({ sentence: 12, paragraph: 5 });
  });

  it("refuses other forms", () => {
    expect(parseLocator("¶5")).toBeUndefined();
    expect(parseLocator("s-1 ¶5")).toBeUndefined();
  });
});
