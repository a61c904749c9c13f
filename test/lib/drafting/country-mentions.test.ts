/**
 * Countries by name, possessive and adjective, and the two a text is about.
 */
import { describe, expect, it } from "vitest";
import { countryMentions, mainCountries } from "../../../src/lib/drafting/country-mentions.js";

describe("country mentions", () => {
  it("finds names, possessives, multi-word names and adjectives", () => {
    const text = "Jordan's ministry met Egyptian, Uzbek and Kazakh delegations from the United Arab Emirates.";
    expect(countryMentions(text).map((m) => [m.code, m.possessive])).toEqual([
      ["JO", true],
      ["EG", false],
      ["UZ", false],
      ["KZ", false],
      ["AE", false],
    ]);
  });

  it("names the two countries a text is about, most named first", () => {
    expect(mainCountries("Chile and Norway met. Norway's fleet. A Chilean plan. Norwegian salmon. Peru.")).toEqual([
      "NO",
      "CL",
    ]);
  });
});
