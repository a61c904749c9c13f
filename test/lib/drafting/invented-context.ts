/**
 * A small invented drafting context for the drafter's unit tests: a few
 * institutions of two invented-for-the-test pairings and sectors with keywords.
 */
import type { DraftContext } from "../../../src/lib/drafting/draft-types.js";

export const INVENTED_CONTEXT: DraftContext = {
  institutions: [
    { id: "no-government", name: "Government of Norway", country: "NO", type: "government", aliases: ["Norway"] },
    { id: "cl-government", name: "Government of Chile", country: "CL", type: "government", aliases: ["Chile"] },
    { id: "no-nva", name: "Norwegian Veterinary Agency", acronym: "NVA", country: "NO", type: "agency" },
    {
      id: "cl-mintrade",
      name: "Ministry of Trade (Chile)",
      country: "CL",
      type: "ministry",
      aliases: ["Trade Ministry of Chile"],
    },
    {
      id: "cl-sernapesca",
      name: "National Fisheries Service",
      acronym: "SNP",
      country: "CL",
      type: "agency",
      aliases: ["Sernapesca"],
    },
  ],
  sectors: [
    { id: "political", keywords: ["joint statement", "minutes", "protocol of the", "session", "visit"] },
    { id: "trade", keywords: ["trade", "export", "investment", "business"] },
    { id: "agriculture", keywords: ["agricultur", "fisher", "salmon", "veterinar", "seed"] },
    { id: "energy", keywords: ["energy", "hydropower", "oil", "gas"] },
    { id: "culture_education", keywords: ["cultur", "universit", "education"] },
    { id: "environment", keywords: ["environment", "climate", "ocean"] },
    { id: "health_pharma", keywords: ["health", "medic", "vaccine"] },
  ],
};

/** A text of one headline and the given paragraphs. */
export function pressRelease(...paragraphs: string[]): string {
  return ["# Norway and Chile meet", ...paragraphs].join("\n\n");
}
