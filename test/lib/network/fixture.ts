// A hand-checked network: five institutions, six commitments.
//   c1 trade  A C      c4 health B E
//   c2 trade  A C D    c5 trade  B      (one party: no edge)
//   c3 health A D      c6 energy A B
import type { InstitutionInfo, PartyLink } from "../../../src/lib/network/graph.js";

export const INSTITUTIONS: InstitutionInfo[] = [
  { id: "a", name: "Alpha Ministry", acronym: "AM", country: "PK", country_name: "Pakistan", type: "ministry" },
  { id: "b", name: "Beta Agency", acronym: null, country: "PK", country_name: "Pakistan", type: "agency" },
  { id: "c", name: "Gamma Works", acronym: "GW", country: "BY", country_name: "Belarus", type: "company" },
  { id: "d", name: "Delta Institute", acronym: "DI", country: "BY", country_name: "Belarus", type: "academy" },
  { id: "e", name: "Epsilon Bank", acronym: "EB", country: "BY", country_name: "Belarus", type: "bank" },
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
