// The network's SQL, run with native DuckDB on the default dataset's tables,
// against the records themselves: same links, same institutions, counts that agree.
import { join } from "node:path";
import type { DuckDBValue } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NativeDatabase, openNative } from "../../../bench/lib/native.js";
import { loadDataset } from "../../../src/lib/dataset.js";
import { emptyFilters, type FilterState } from "../../../src/lib/filters.js";
import type { InstitutionInfo, PartyLink } from "../../../src/lib/network/graph.js";
import { projectCodes, projectGraph } from "../../../src/lib/network/project.js";
import {
  institutionCommitments,
  institutionIndex,
  networkCommitments,
  networkCounts,
  networkInstitutions,
  networkLinkCodes,
  networkLinks,
  sectorIndex,
} from "../../../src/lib/network/queries.js";
import { TABLE_NAMES } from "../../../src/lib/schema.js";
import type { SqlFragment } from "../../../src/lib/sql.js";
import { ensureTables } from "../../../src/lib/table-cache.js";

let db: NativeDatabase;
const dataset = loadDataset("data");

beforeAll(async () => {
  const result = ensureTables("data");
  if (!result.ok) throw new Error(result.report);
  db = await openNative(
    Object.fromEntries(TABLE_NAMES.map((t) => [t, join(result.folder, `${t}.arrow`)])) as Parameters<
      typeof openNative
    >[0],
  );
}, 60_000);
afterAll(() => db?.close());

async function rows<T>(query: SqlFragment): Promise<T[]> {
  const statement = await db.connection.prepare(query.text);
  try {
    if (query.params.length) statement.bind(query.params as DuckDBValue[]);
    return (await statement.runAndReadAll()).getRowObjectsJS() as T[];
  } finally {
    statement.destroySync();
  }
}

/** Links straight from the records, for a sector filter (or none). */
function recordLinks(sector?: string): PartyLink[] {
  const tables = dataset.tables;
  if (!tables) throw new Error("the default dataset has errors");
  const sectorOf = new Map(tables.commitments.map((c) => [c.id as string, c.sector as string]));
  return tables.commitment_parties
    .map((p) => ({
      commitment_id: p.commitment_id as string,
      institution_id: p.institution_id as string,
      sector: sectorOf.get(p.commitment_id as string) as string,
    }))
    .filter((l) => sector === undefined || l.sector === sector)
    .sort((a, b) => (`${a.commitment_id}\0${a.institution_id}` < `${b.commitment_id}\0${b.institution_id}` ? -1 : 1));
}

describe.each([
  ["no filter", emptyFilters(), undefined],
  ["sector = industry", { ...emptyFilters(), sector: ["industry"] } as FilterState, "industry"],
])("network queries, %s", (_, filters, sector) => {
  it("return the records' party links and the institutions they name", async () => {
    const links = await rows<PartyLink>(networkLinks(filters));
    expect(links).toEqual(recordLinks(sector));
    const institutions = await rows<InstitutionInfo>(networkInstitutions(filters));
    expect(institutions.map((i) => i.id)).toEqual([...new Set(links.map((l) => l.institution_id))].sort());
    const graph = projectGraph(links, institutions);
    const [counts] = await rows<Record<string, number>>(networkCounts(filters));
    expect(graph.nodes.length).toBe(counts.institutions);
    expect(links.length).toBe(counts.links);
    expect(new Set(links.map((l) => l.commitment_id)).size).toBe(counts.commitments);
    const commitments = await rows<{ id: string }>(networkCommitments(filters));
    expect(commitments.length).toBe(counts.commitments);
  });

  it("give the same graph from codes (the page's path) as from ids", async () => {
    const codes = await rows<{ commitment: number; institution: number; sector: number }>(networkLinkCodes(filters));
    const index = await rows<InstitutionInfo & { code: number }>(institutionIndex);
    const sectors = await rows<{ code: number; id: string }>(sectorIndex);
    const byCode: InstitutionInfo[] = [];
    for (const { code, ...info } of index) byCode[code] = info;
    const sectorIds: string[] = [];
    for (const { code, id } of sectors) sectorIds[code] = id;
    const fromCodes = projectCodes(
      {
        commitment: codes.map((r) => r.commitment),
        institution: codes.map((r) => r.institution),
        sector: codes.map((r) => r.sector),
      },
      byCode,
      sectorIds,
    );
    const links = await rows<PartyLink>(networkLinks(filters));
    expect(fromCodes).toEqual(projectGraph(links, await rows<InstitutionInfo>(networkInstitutions(filters))));
  });
});

describe("institutionCommitments", () => {
  it("lists exactly the commitments that bind the institution, with their source", async () => {
    const links = recordLinks();
    const expected = links.filter((l) => l.institution_id === "pk-navttc").map((l) => l.commitment_id);
    expect(expected.length).toBeGreaterThan(0);
    const listed = await rows<{ id: string; source_url: string; partners: string | null }>(
      institutionCommitments(emptyFilters(), "pk-navttc"),
    );
    expect(listed.map((r) => r.id).sort()).toEqual(expected.sort());
    for (const r of listed) expect(r.source_url).toMatch(/^https?:\/\//);
  });

  it("binds the institution id as a parameter, never as SQL text", () => {
    const query = institutionCommitments(emptyFilters(), "x'); DROP TABLE commitments; --");
    expect(query.text).not.toContain("DROP");
    expect(query.params).toContain("x'); DROP TABLE commitments; --");
  });
});
