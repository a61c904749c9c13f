/**
 * The figures a slide's text speaks of (src/lib/model/headline-figures.ts):
 * placeholders found and filled, numbers next to "institutions" or
 * "commitments" read (and what is not such a number left alone), claims of
 * the most commitments found.
 */
import { describe, expect, it } from "vitest";
import {
  escapeBraces,
  fillPlaceholders,
  mostClaims,
  numberValue,
  placeholdersIn,
  statedNumbers,
} from "../../../src/lib/model/headline-figures.js";

const stated = (text: string) => statedNumbers(text).map((s) => [s.value, s.noun, s.phrase]);

describe("placeholders", () => {
  it("are found with where they are, known or not", () => {
    expect(placeholdersIn("Who? {institutions} bodies, {comitments} and {x-y}; {not one} {}")).toEqual([
      { start: 5, end: 19, text: "{institutions}", name: "institutions" },
      { start: 28, end: 40, text: "{comitments}", name: "comitments" },
      { start: 45, end: 50, text: "{x-y}", name: "x-y" },
    ]);
  });

  it("are filled with the figures, written as the captions write numbers; unknown ones stay as typed", () => {
    const figures = { institutions: 72, commitments: 1204, sectors: 4, events: 29 };
    expect(
      fillPlaceholders("{institutions} institutions, {commitments} commitments, {sectors}/{events} {foo}", figures),
    ).toBe("72 institutions, 1,204 commitments, 4/29 {foo}");
  });

  it("are not read in doubled braces, which write a brace itself", () => {
    const figures = { institutions: 72, commitments: 1204, sectors: 4, events: 29 };
    const text = "Set {{institutions}} apart from {institutions}; {{ and }} alone";
    expect(placeholdersIn(text).map((p) => [p.start, p.name])).toEqual([[32, "institutions"]]);
    expect(fillPlaceholders(text, figures)).toBe("Set {institutions} apart from 72; { and } alone");
    const written = escapeBraces("Ministry {no} & {institutions}");
    expect(placeholdersIn(written)).toEqual([]);
    expect(fillPlaceholders(written, figures)).toBe("Ministry {no} & {institutions}");
  });
});

describe("numbers stated of institutions and commitments", () => {
  it("reads digits, thousands and number words, with a few words between", () => {
    expect(stated("Who is bound? 72 institutions, 1,204 commitments")).toEqual([
      [72, "institutions", "72 institutions"],
      [1204, "commitments", "1,204 commitments"],
    ]);
    expect(stated("with 18 commitments and 17 institutions.")).toEqual([
      [18, "commitments", "18 commitments"],
      [17, "institutions", "17 institutions"],
    ]);
    expect(stated("nine recorded Belarusian commitments; Two governments and seventy institutions")).toEqual([
      [9, "commitments", "nine recorded Belarusian commitments"],
      [70, "institutions", "seventy institutions"],
    ]);
    expect(stated("Forty-two institutions, a commitment")).toEqual([[42, "institutions", "Forty-two institutions"]]);
  });

  it("leaves alone years, estimates, other figures, articles and numbers of something else", () => {
    for (const text of [
      "the 2024 commitments",
      "in 2024 the commitments",
      "more than 100 commitments",
      "nearly 40 institutions",
      "$1bn commitments",
      "40% commitments",
      "a line means one commitment binds both",
      "six partners and the commitments",
      "the five of the commitments",
      "named in more commitments than anyone: nine",
    ]) {
      expect(stated(text), text).toEqual([]);
    }
  });

  it("values number words up to ninety-nine, and nothing else", () => {
    expect([numberValue("twelve"), numberValue("twenty"), numberValue("ninety-nine"), numberValue("1,000")]).toEqual([
      12, 20, 99, 1000,
    ]);
    expect([numberValue("twenty-ten"), numberValue("lots"), numberValue("1,00")]).toEqual([null, null, null]);
  });
});

describe("claims of the most commitments", () => {
  it("are found in the ways a headline says them", () => {
    const found = (text: string) => mostClaims(text).map((c) => c.text);
    expect(found("Belarus's Ministry of Industry is the most bound institution")).toEqual(["most bound"]);
    expect(found("named in more commitments than anyone: nine")).toEqual(["more commitments than anyone"]);
    expect(found("It is bound by the most commitments; in the most commitments")).toEqual([
      "bound by the most",
      "in the most commitments",
    ]);
    expect(found("shares the lead: nine commitments each")).toEqual([]);
  });
});
