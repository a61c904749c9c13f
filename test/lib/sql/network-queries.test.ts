// The network's SQL, run with native DuckDB on the default dataset's tables,
// against the records themselves: same links, same institutions, counts that agree.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NativeDataset, nativeDataset } from "../../../devtools/native-duckdb.js";
import { emptyFilters, type FilterState } from "../../../src/lib/model/filters.js";
import { BIPARTITE_LIMIT, bipartiteFromCodes, bipartiteGraph } from "../../../src/lib/network/bipartite.js";
import type { CommitmentInfo, InstitutionInfo, PartyLink } from "../../../src/lib/network/graph.js";
import { projectCodes, projectGraph } from "../../../src/lib/network/project.js";
import { loadDataset } from "../../../src/lib/pipeline/dataset.js";
import type { SqlFragment } from "../../../src/lib/sql/fragment.js";
import {
  commitmentDetail,
  institutionCommitments,
  institutionIndex,
  networkCommitments,
  networkCounts,
  networkLinkCodes,
  packedLinkCodes,
  sectorIndex,
} from "../../../src/lib/sql/network-queries.js";

let db: NativeDataset;
const dataset = loadDataset("data");
if (!dataset.tables) throw new Error("the default dataset has errors");
const tables = dataset.tables;

beforeAll(async () => {
  db = await nativeDataset("data");
}, 60_000);
afterAll(() => db?.close());

const rows = async <T>(query: SqlFragment) => (await db.query(query)) as T[];

/** Links straight from the records, for a sector filter (or none). */
function recordLinks(sector?: string): PartyLink[] {
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
  it("return the records' party links as codes, and counts that agree with the graph", async () => {
    const codes = await rows<{ commitment: number; institution: number; sector: number }>(networkLinkCodes(filters));
    // Packed into one row (what the page reads), they are the same links.
    const [{ links: packed }] = await rows<{ links: typeof codes }>(packedLinkCodes(filters));
    const key = (l: (typeof codes)[number]) => `${l.commitment} ${l.institution} ${l.sector}`;
    expect(packed.map(key).sort()).toEqual(codes.map(key).sort());
    expect(codes.length).toBeGreaterThan(0);
    const byCode: InstitutionInfo[] = [];
    for (const { code, ...info } of await rows<InstitutionInfo & { code: number }>(institutionIndex))
      byCode[code] = info;
    const sectorIds: string[] = [];
    for (const { code, id } of await rows<{ code: number; id: string }>(sectorIndex)) sectorIds[code] = id;
    const commitments = await rows<CommitmentInfo & { code: number }>(networkCommitments(filters, BIPARTITE_LIMIT));
    const commitmentId = new Map(commitments.map((c) => [c.code, c.id]));
    // Decoded, the codes are exactly the records' links.
    const decoded = codes
      .map((r) => ({
        commitment_id: commitmentId.get(r.commitment) as string,
        institution_id: byCode[r.institution].id,
        sector: sectorIds[r.sector],
      }))
      .sort((a, b) => (`${a.commitment_id}\0${a.institution_id}` < `${b.commitment_id}\0${b.institution_id}` ? -1 : 1));
    const links = recordLinks(sector);
    expect(decoded).toEqual(links);
    const graph = projectCodes(
      {
        commitment: codes.map((r) => r.commitment),
        institution: codes.map((r) => r.institution),
        sector: codes.map((r) => r.sector),
      },
      byCode,
      sectorIds,
    );
    // The page's path gives the graph the records give.
    expect(graph).toEqual(projectGraph(links, tables.institutions as unknown as InstitutionInfo[]));
    const [counts] = await rows<Record<string, number>>(networkCounts(filters));
    expect(graph.nodes.length).toBe(counts.institutions);
    expect(links.length).toBe(counts.links);
    expect(new Set(links.map((l) => l.commitment_id)).size).toBe(counts.commitments);
    expect(commitments.length).toBe(counts.commitments);
  });
});

describe.each([
  ["no filter", emptyFilters(), undefined],
  ["sector = industry", { ...emptyFilters(), sector: ["industry"] } as FilterState, "industry"],
])("the bipartite view's commitments, %s", (_, filters, sector) => {
  /** The links as the page reads them (columns of codes) and the index they are read against. */
  async function coded() {
    const codes = await rows<{ commitment: number; institution: number; sector: number }>(networkLinkCodes(filters));
    const byCode: InstitutionInfo[] = [];
    for (const { code, ...info } of await rows<InstitutionInfo & { code: number }>(institutionIndex))
      byCode[code] = info;
    const sectorIds: string[] = [];
    for (const { code, id } of await rows<{ code: number; id: string }>(sectorIndex)) sectorIds[code] = id;
    const columns = {
      commitment: codes.map((r) => r.commitment),
      institution: codes.map((r) => r.institution),
      sector: codes.map((r) => r.sector),
    };
    return { columns, byCode, sectorIds };
  }

  it("give the records' bipartite graph within the limit", async () => {
    const { columns, byCode, sectorIds } = await coded();
    const commitments = await rows<CommitmentInfo & { code: number }>(networkCommitments(filters, BIPARTITE_LIMIT));
    const described = tables.commitments.map((c) => ({
      id: c.id as string,
      summary: c.summary as string,
      sector: c.sector as string,
      status: c.status as string,
    }));
    const expected = bipartiteGraph(
      recordLinks(sector),
      tables.institutions as unknown as InstitutionInfo[],
      described,
    );
    expect(bipartiteFromCodes(columns, byCode, sectorIds, commitments)).toEqual(expected);
  });

  it("stop one past a smaller limit, in id order, and then draw no commitment", async () => {
    const { columns, byCode, sectorIds } = await coded();
    const [counts] = await rows<{ commitments: number }>(networkCounts(filters));
    const all = (await rows<{ id: string }>(networkCommitments(filters, BIPARTITE_LIMIT))).map((r) => r.id);
    expect(all.length).toBe(counts.commitments);
    const limit = counts.commitments - 2;
    const capped = await rows<CommitmentInfo & { code: number }>(networkCommitments(filters, limit));
    expect(capped.map((r) => r.id)).toEqual(all.slice(0, limit + 1));
    expect(bipartiteFromCodes(columns, byCode, sectorIds, capped, limit)).toBeNull();
    // Exactly at the limit, every commitment is drawn.
    const exact = await rows<CommitmentInfo & { code: number }>(networkCommitments(filters, counts.commitments));
    expect(exact.length).toBe(counts.commitments);
    const graph = bipartiteFromCodes(columns, byCode, sectorIds, exact, counts.commitments);
    expect(graph?.nodes.filter((n) => n.kind === "commitment").length).toBe(counts.commitments);
  });

  it("refuse a limit that is not a whole number", () => {
    expect(() => networkCommitments(filters, 1.5)).toThrow(/whole number/);
    expect(() => networkCommitments(filters, -1)).toThrow(/whole number/);
  });
});

describe("institutionCommitments", () => {
  it("lists exactly the commitments that bind the institution, with their source", async () => {
    const links = recordLinks();
    const expected = links.filter((l) => l.institution_id === "pk-navttc").map((l) => l.commitment_id);
    expect(expected.length).toBeGreaterThan(0);
    const listed = await rows<{ id: string; source_url: string; partners: string | null; total: number }>(
      institutionCommitments(emptyFilters(), "pk-navttc", { limit: 1000, offset: 0 }),
    );
    expect(listed.map((r) => r.id).sort()).toEqual(expected.sort());
    for (const r of listed) expect(r.source_url).toMatch(/^https?:\/\//);
    for (const r of listed) expect(r.total).toBe(expected.length);
  });

  it("reads a hub's commitments a page at a time, newest first, each page saying how many there are", async () => {
    const id = "by-government";
    const bound = new Set(
      recordLinks()
        .filter((l) => l.institution_id === id)
        .map((l) => l.commitment_id),
    );
    // The panel's order, from the records: date_from newest first (undated last), then id.
    const expected = tables.commitments
      .filter((c) => bound.has(c.id as string))
      .map((c) => ({ id: c.id as string, from: (c.date_from as string | null) ?? null }))
      .sort((a, b) =>
        a.from === b.from
          ? a.id < b.id
            ? -1
            : 1
          : a.from === null
            ? 1
            : b.from === null
              ? -1
              : a.from < b.from
                ? 1
                : -1,
      )
      .map((c) => c.id);
    const size = 7;
    expect(expected.length).toBeGreaterThan(3 * size);
    const pages: { id: string; total: number }[][] = [];
    for (let offset = 0; offset < expected.length; offset += size) {
      pages.push(await rows(institutionCommitments(emptyFilters(), id, { limit: size, offset })));
    }
    expect(pages.slice(0, -1).every((page) => page.length === size)).toBe(true);
    expect(pages.flat().map((r) => r.id)).toEqual(expected);
    for (const r of pages.flat()) expect(r.total).toBe(expected.length);
    expect(await rows(institutionCommitments(emptyFilters(), id, { limit: size, offset: expected.length }))).toEqual(
      [],
    );
  });

  it("refuses a page that is not whole numbers", () => {
    expect(() => institutionCommitments(emptyFilters(), "by-government", { limit: 2.5, offset: 0 })).toThrow(/limit/);
    expect(() => institutionCommitments(emptyFilters(), "by-government", { limit: 25, offset: -1 })).toThrow(/offset/);
  });

  it("gives one commitment's panel row with its source (the bipartite view's panel)", async () => {
    const [row] = await rows<{ id: string; source_url: string; partners: string }>(
      commitmentDetail("pk-by-jmc-8-hit-mtw"),
    );
    expect(row.id).toBe("pk-by-jmc-8-hit-mtw");
    expect(row.source_url).toMatch(/^https?:\/\//);
    expect(row.partners).toBe("HIT, MTW");
  });

  it("binds the institution id as a parameter, never as SQL text", () => {
    const query = institutionCommitments(emptyFilters(), "x'); DROP TABLE commitments; --", { limit: 25, offset: 0 });
    expect(query.text).not.toContain("DROP");
    expect(query.params).toContain("x'); DROP TABLE commitments; --");
  });
});
