import { describe, expect, it } from "vitest";
import { hasWholeWords, matchTier, type RankedEntry, rankMatches } from "../../../src/lib/network/search-ranking.js";

function entry(name: string, acronym: string | null, country_name: string, type: string, id: string): RankedEntry {
  return {
    label: acronym ?? name,
    name,
    acronym,
    country_name,
    type,
    text: `${name} ${acronym ?? ""} ${country_name} ${id}`.toLowerCase(),
  };
}

const AGRICULTURE = entry(
  "Ministry of Agriculture, Mechanisation and Irrigation of Zimbabwe",
  "MAMID",
  "Zimbabwe",
  "ministry",
  "zw-mamid",
);
const ZIMBABWE = entry("Government of Zimbabwe", null, "Zimbabwe", "government", "zw-gov");
const PRESIDENT = entry("President of Zimbabwe", null, "Zimbabwe", "head_of_state", "zw-president");
const TRADE = entry("Zimtrade", null, "Zimbabwe", "agency", "zw-zimtrade");
const MINSK = entry("Minsk Tractor Works", "MTZ", "Belarus", "company", "by-mtw");
const MINISTRY_BY = entry("Ministry of Industry", "Minprom", "Belarus", "ministry", "by-minprom");
const FIXTURE = [AGRICULTURE, TRADE, MINSK, PRESIDENT, MINISTRY_BY, ZIMBABWE];

describe("rankMatches", () => {
  it("puts the country's government before a ministry whose name ends in the country", () => {
    const ranked = rankMatches(FIXTURE, "Zimbabwe");
    expect(ranked[0]).toBe(ZIMBABWE);
    expect(ranked.map((e) => e.name)).toEqual([
      "Government of Zimbabwe", // tier 1: the country's government
      "President of Zimbabwe", // tier 2: its head of state
      "Ministry of Agriculture, Mechanisation and Irrigation of Zimbabwe", // tier 3: a word of its name
      "Zimtrade", // tier 4: its country
    ]);
  });

  it("puts an exact acronym or name first, then whole words, then parts of words", () => {
    expect(rankMatches(FIXTURE, "mtz")[0]).toBe(MINSK);
    expect(rankMatches(FIXTURE, "  ministry of   INDUSTRY ")[0]).toBe(MINISTRY_BY);
    expect(rankMatches(FIXTURE, "minist").map((e) => e.acronym)).toEqual(["Minprom", "MAMID"]);
    expect(rankMatches(FIXTURE, "minsk").map((e) => e.name)).toEqual(["Minsk Tractor Works"]);
    expect(rankMatches(FIXTURE, "zim").map((e) => e.name)).toEqual(
      [
        "Zimtrade",
        "President of Zimbabwe",
        "Government of Zimbabwe",
        "Ministry of Agriculture, Mechanisation and Irrigation of Zimbabwe",
      ].sort((a, b) => a.length - b.length),
    );
  });

  it("matches nothing for an empty query or text that is not there", () => {
    expect(rankMatches(FIXTURE, "  ")).toEqual([]);
    expect(rankMatches(FIXTURE, "kenya")).toEqual([]);
  });
});

describe("matchTier", () => {
  it("gives a country-name query to whole-country types only", () => {
    expect(matchTier(ZIMBABWE, "zimbabwe")).toBe(1);
    expect(matchTier(PRESIDENT, "zimbabwe")).toBe(2);
    expect(matchTier(TRADE, "zimbabwe")).toBe(4);
  });
});

describe("hasWholeWords", () => {
  it("needs no letter or digit on either side", () => {
    expect(hasWholeWords("ministry of agriculture, mechanisation", "agriculture")).toBe(true);
    expect(hasWholeWords("zimtrade", "zim")).toBe(false);
    expect(hasWholeWords("zimtrade zim", "zim")).toBe(true);
    expect(hasWholeWords("anything", "")).toBe(false);
  });
});
