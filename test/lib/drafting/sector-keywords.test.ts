/**
 * Sector from keywords: the sector whose keywords a phrase holds most, the
 * others as alternatives, keywords matched at the start of words only.
 */
import { describe, expect, it } from "vitest";
import { chooseSector, sectorScores } from "../../../src/lib/drafting/sector-keywords.js";
import { INVENTED_CONTEXT } from "./invented-context.js";

const { sectors } = INVENTED_CONTEXT;

describe("sector keywords", () => {
  it("picks the sector with most keywords and keeps the others as alternatives", () => {
    expect(chooseSector("a memorandum on salmon fisheries and fish exports", sectors)).toMatchObject({
      sector: "agriculture",
      alternatives: ["trade"],
    });
  });

  it("matches at the start of a word only", () => {
    expect(sectorScores("the importance of agricultural research", [{ id: "trade", keywords: ["port"] }])).toEqual([]);
    expect(sectorScores("agricultural research", sectors)[0]?.id).toBe("agriculture");
  });

  it("falls back to the context, then to the diplomatic framework", () => {
    expect(chooseSector("the second item", sectors, "cooperation in hydropower").sector).toBe("energy");
    expect(chooseSector("the second item", sectors).sector).toBe("political");
  });
});
