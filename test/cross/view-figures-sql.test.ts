/**
 * A story slide's figures are counted in Node without SQL
 * (src/lib/model/view-figures.ts, src/lib/model/commitment-match.ts); the
 * views count with SQL in DuckDB. Both run here on the sample records and
 * the world sample, for filters of every kind and timeline windows, in
 * native DuckDB with the pages' own queries: the same commitments, and the
 * same counts the network's caption and the timeline's heading give; and the
 * network page's counts line, counted from the links it draws, against the
 * same counts in SQL.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NativeDataset, nativeDataset } from "../../devtools/native-duckdb.js";
import { commitmentMatcher } from "../../src/lib/model/commitment-match.js";
import type { FigureRecords } from "../../src/lib/model/figure-records.js";
import { commitmentWhere, parseFilters } from "../../src/lib/model/filters.js";
import { viewFigures } from "../../src/lib/model/view-figures.js";
import { parseWindow } from "../../src/lib/model/view-state.js";
import { type CommitmentCounts, drawnCounts } from "../../src/lib/network/drawn-counts.js";
import { countProjection, projectionOrder } from "../../src/lib/network/project.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import { figureRecordsFromStores } from "../../src/lib/pipeline/figure-tables.js";
import { and, sql } from "../../src/lib/sql/fragment.js";
import {
  institutionIndex,
  networkCommitmentCounts,
  networkCounts,
  packedLinkCodes,
  sectorIndex,
} from "../../src/lib/sql/network-queries.js";
import { inRange, timelineLanes } from "../../src/lib/sql/timeline-queries.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Links of every kind of filter, alone and together, for a folder's records. */
function linksFor(records: FigureRecords): string[] {
  const first = <T>(values: Iterable<T>) => [...values].sort()[0];
  const sectors = [...new Set(records.commitments.map((c) => c.sector))].sort();
  const series = first([...records.eventSeries.values()].filter((s): s is string => !!s));
  // The country fewest commitments bind, so the filter leaves some out.
  const countries = new Map<string, number>();
  const byId = new Map(records.institutions.map((i) => [i.id, i]));
  for (const p of records.parties) {
    for (const code of byId.get(p.institution_id)?.countries ?? []) countries.set(code, (countries.get(code) ?? 0) + 1);
  }
  const country = [...countries].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const party = first(records.parties.map((p) => p.institution_id));
  const enc = encodeURIComponent;
  return [
    "",
    `?sector=${sectors[0]}`,
    `?sector=${sectors[0]}&sector=${sectors[1]}`,
    `?country=${country}`,
    `?institution=${enc(party)}`,
    ...(series ? [`?series=${enc(series)}`, `?series=${enc(series)}&from=2024`] : []),
    "?status=announced&status=stalled",
    "?from=2016&to=2024",
    "?to=2020",
    `?sector=${sectors[1]}&country=${country}&from=2023`,
  ];
}

const WINDOWS = ["2015-01-01..2025-12-31", "2024-03-05..2025-02-10", "2025-01-01..2025-12-31"];

for (const folder of ["data", "test/fixtures/world-sample"]) {
  describe(`figures counted in Node and in SQL agree on ${folder}`, () => {
    let db: NativeDataset;
    let records: FigureRecords;
    beforeAll(async () => {
      const dataset = loadDataset(join(ROOT, folder));
      if (!dataset.columns) throw new Error(`${folder} has errors`);
      records = figureRecordsFromStores(dataset.columns);
      db = await nativeDataset(join(ROOT, folder));
    }, 120_000);
    afterAll(() => db?.close());

    it("keeps the same commitments for every filter and window", async () => {
      for (const link of linksFor(records)) {
        const filters = parseFilters(link).state;
        for (const window of [null, ...WINDOWS.map((w) => parseWindow(w, []))]) {
          const where = and(commitmentWhere(filters), inRange(window));
          const rows = await db.query(sql`SELECT id FROM commitments c WHERE ${where} ORDER BY id`);
          const matches = commitmentMatcher(filters, records, window);
          const kept = records.commitments
            .filter(matches)
            .map((c) => c.id)
            .sort();
          expect(kept, `${link} ${JSON.stringify(window)}`).toEqual(rows.map((r) => r.id));
        }
      }
    });

    it("counts the network's institutions and commitments as its caption does", async () => {
      const links = linksFor(records);
      const counted = new Set<number>();
      for (const link of links) {
        const [counts] = await db.query(networkCounts(parseFilters(link).state));
        const figures = viewFigures("network", link, records);
        expect({ i: figures.institutions, g: figures.generic, c: figures.commitments }, link).toEqual({
          i: counts.institutions,
          g: counts.generic,
          c: counts.commitments,
        });
        counted.add(figures.commitments);
      }
      // The links narrow the view in different ways: not one count for all of them.
      expect(counted.size).toBeGreaterThan(4);
    });

    it("counts the network's line from the links the page draws as networkCounts does", async () => {
      // The page's index: each institution's naming by code (networkIndex), and the sectors' order.
      const institutions: { id: string; naming: string }[] = [];
      for (const r of await db.query(institutionIndex))
        institutions[Number(r.code)] = { id: String(r.id), naming: String(r.naming) };
      const sectors: string[] = [];
      for (const r of await db.query(sectorIndex)) sectors[Number(r.code)] = String(r.id);
      const order = projectionOrder(institutions, sectors);
      const seen = new Set<string>();
      for (const link of linksFor(records)) {
        const filters = parseFilters(link).state;
        const [{ links }] = await db.query(packedLinkCodes(filters));
        const rows = (links ?? []) as { commitment: number; institution: number; sector: number }[];
        const coded = {
          commitment: Int32Array.from(rows, (r) => r.commitment),
          institution: Int32Array.from(rows, (r) => r.institution),
          sector: Int32Array.from(rows, (r) => r.sector),
        };
        const [matching] = await db.query(networkCommitmentCounts(filters));
        const page = drawnCounts(
          countProjection(coded, order).nodes,
          institutions,
          rows.length,
          matching as unknown as CommitmentCounts,
        );
        const [counts] = await db.query(networkCounts(filters));
        expect(page, link).toEqual({ ...counts });
        seen.add(JSON.stringify(page));
      }
      expect(seen.size).toBeGreaterThan(4);
    });

    it("counts the timeline's commitments as its lanes do", async () => {
      for (const link of linksFor(records)) {
        for (const window of WINDOWS) {
          const filters = parseFilters(link).state;
          const lanes = await db.query(timelineLanes(filters, parseWindow(window, [])));
          const total = lanes.reduce((sum, l) => sum + Number(l.n), 0);
          const joined = `${link || "?"}${link ? "&" : ""}window=${window}`;
          expect(viewFigures("timeline", joined, records).commitments, joined).toBe(total);
        }
      }
    });
  });
}
