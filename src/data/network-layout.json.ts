// Node positions for the network page, laid out once on the whole graph so
// every filtered view keeps each institution in its place (src/lib/network/layout.ts),
// and the unfiltered graph, drawn before DuckDB has started (src/lib/network/layout-file.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { tablesOrExit } from "../lib/pipeline/data-loader.js";
import type { InstitutionInfo, PartyLink } from "../lib/network/graph.js";
import { buildLayoutFile } from "../lib/network/layout-file.js";

const start = performance.now();
const { folder } = tablesOrExit("network-layout.json");
const read = (name: string) => tableFromIPC(readFileSync(join(folder, `${name}.arrow`)));
const column = (table: ReturnType<typeof read>, name: string): (string | null)[] => {
  const child = table.getChild(name);
  if (!child) throw new Error(`column ${name} missing`);
  return child.toArray() as (string | null)[];
};

const commitments = read("commitments");
const sectorOf = new Map<string, string>();
const cid = column(commitments, "id");
const csector = column(commitments, "sector");
for (let i = 0; i < cid.length; i++) sectorOf.set(cid[i] as string, csector[i] as string);

const parties = read("commitment_parties");
const pc = column(parties, "commitment_id");
const pi = column(parties, "institution_id");
const links: PartyLink[] = pc.map((commitment_id, i) => ({
  commitment_id: commitment_id as string,
  institution_id: pi[i] as string,
  sector: sectorOf.get(commitment_id as string) as string,
}));

const institutions = read("institutions");
const cols = ["id", "name", "acronym", "affiliation", "country_name", "naming", "type"].map((c) =>
  column(institutions, c),
);
const countries = institutions.getChild("countries");
if (!countries) throw new Error("column countries missing");
const infos: InstitutionInfo[] = cols[0].map((id, i) => ({
  id: id as string,
  name: cols[1][i] as string,
  acronym: cols[2][i],
  affiliation: cols[3][i] as string,
  countries: Array.from((countries.get(i) ?? []) as Iterable<string>, String),
  country_name: cols[4][i] as string,
  naming: cols[5][i] as string,
  type: cols[6][i] as string,
}));

const file = buildLayoutFile(links, infos, cid.length);
process.stdout.write(`${JSON.stringify(file)}\n`);
process.stderr.write(
  `network-layout.json: ${file.nodes} nodes, ${file.edges} edges, ${file.ticks} steps in ${((performance.now() - start) / 1000).toFixed(1)} s\n`,
);
