// A hand-checked network: five institutions, six commitments.
//   c1 trade  A C      c4 health B E
//   c2 trade  A C D    c5 trade  B      (one party: no edge)
//   c3 health A D      c6 energy A B
import type { InstitutionInfo, PartyLink } from "../../../src/lib/network/graph.js";

export const INSTITUTIONS: InstitutionInfo[] = [
  {
    id: "a",
    name: "Alpha Ministry",
    acronym: "AM",
    affiliation: "PK",
    countries: ["PK"],
    country_name: "Pakistan",
    naming: "named",
    type: "ministry",
  },
  {
    id: "b",
    name: "Beta Agency",
    acronym: null,
    affiliation: "PK",
    countries: ["PK"],
    country_name: "Pakistan",
    naming: "named",
    type: "agency",
  },
  {
    id: "c",
    name: "Gamma Works",
    acronym: "GW",
    affiliation: "BY",
    countries: ["BY"],
    country_name: "Belarus",
    naming: "named",
    type: "company",
  },
  {
    id: "d",
    name: "Delta Institute",
    acronym: "DI",
    affiliation: "BY",
    countries: ["BY"],
    country_name: "Belarus",
    naming: "named",
    type: "academy",
  },
  {
    id: "e",
    name: "Epsilon Bank",
    acronym: "EB",
    affiliation: "BY",
    countries: ["BY"],
    country_name: "Belarus",
    naming: "named",
    type: "bank",
  },
];

const rows: [string, string, string][] = [
  ["c1", "trade", "a"],
  ["c1", "trade", "c"],
  ["c2", "trade", "a"],
  ["c2", "trade", "c"],
  ["c2", "trade", "d"],
  ["c3", "health", "a"],
  ["c3", "health", "d"],
  ["c4", "health", "b"],
  ["c4", "health", "e"],
  ["c5", "trade", "b"],
  ["c6", "energy", "a"],
  ["c6", "energy", "b"],
];

export const LINKS: PartyLink[] = rows.map(([commitment_id, sector, institution_id]) => ({
  commitment_id,
  institution_id,
  sector,
}));

export const COMMITMENTS = ["c1", "c2", "c3", "c4", "c5", "c6"].map((id) => ({
  id,
  summary: `Commitment ${id}`,
  sector: (rows.find((r) => r[0] === id) as [string, string, string])[1],
  status: "announced",
}));
