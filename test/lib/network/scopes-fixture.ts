// A small network with every kind of institution: two national bodies (PK,
// BY), an international organisation (the UN), a joint commission of Belarus
// and Pakistan, and a generic one ("the chambers of commerce", Pakistan's).
//   k1 trade  pk jc      k3 trade  jc gen
//   k2 health by un      k4 trade  pk by un
import type { InstitutionInfo, PartyLink } from "../../../src/lib/network/graph.js";

export const SCOPED: InstitutionInfo[] = [
  national("pk", "Pakistan Ministry", "PK", "Pakistan"),
  national("by", "Belarus Ministry", "BY", "Belarus"),
  {
    id: "un",
    name: "United Nations",
    acronym: "UN",
    affiliation: "international",
    countries: [],
    country_name: "International organisation",
    naming: "named",
    type: "other",
  },
  {
    id: "jc",
    name: "Joint Commission",
    acronym: "JC",
    affiliation: "joint",
    countries: ["PK", "BY"],
    country_name: "Joint body (Belarus–Pakistan)",
    naming: "named",
    type: "other",
  },
  { ...national("gen", "Chambers of commerce", "PK", "Pakistan"), acronym: null, naming: "generic", type: "chamber" },
];

function national(id: string, name: string, code: string, country: string): InstitutionInfo {
  return {
    id,
    name,
    acronym: id.toUpperCase(),
    affiliation: code,
    countries: [code],
    country_name: country,
    naming: "named",
    type: "ministry",
  };
}

const rows: [string, string, string[]][] = [
  ["k1", "trade", ["pk", "jc"]],
  ["k2", "health", ["by", "un"]],
  ["k3", "trade", ["jc", "gen"]],
  ["k4", "trade", ["pk", "by", "un"]],
];

export const SCOPED_LINKS: PartyLink[] = rows.flatMap(([commitment_id, sector, parties]) =>
  parties.map((institution_id) => ({ commitment_id, institution_id, sector })),
);
