import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { epochDay } from "../../../src/lib/model/dates.js";
import { ENTITY, tableColumns } from "../../../src/lib/model/schema.js";
import { TABLE_NAMES } from "../../../src/lib/model/tables.js";
import { loadDataset, reconcile } from "../../../src/lib/pipeline/dataset.js";
import type { Row } from "../../../src/lib/records/record-types.js";

const FIXTURE = fileURLToPath(new URL("../../fixtures/valid/", import.meta.url));
const result = loadDataset(FIXTURE);
const tables = result.tables;
if (!tables) throw new Error(`the valid fixture has errors:\n${JSON.stringify(result.problems, null, 2)}`);

const byId = (rows: Row[], id: string): Row => {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
};

describe("the valid fixture", () => {
  it("has no error and only the markup warning", () => {
    expect(result.errors).toBe(0);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        field: "sources[0].title",
        line: 4,
        message: expect.stringContaining("markup"),
      }),
    ]);
  });

  it("is read from YAML, JSON and CSV files", () => {
    const extensions = new Set(result.files.map((f) => f.split(".").pop()));
    expect(extensions).toEqual(new Set(["yaml", "json", "csv"]));
    expect(result.files).toHaveLength(8);
  });
});

describe("normalise", () => {
  it("writes one row per record read, for every table", () => {
    const counts = reconcile(result);
    for (const { read, written } of counts) expect(written).toBe(read);
    expect(Object.fromEntries(counts.map((c) => [c.table, c.written]))).toEqual({
      events: 2,
      commitments: 4, // 2 in an event file, 2 in commitments.csv
      commitment_parties: 8, // inline in YAML, in a CSV `parties` cell, and in commitment_parties.csv
      status_updates: 3,
      institutions: 5,
      sources: 2,
      sectors: 3,
    });
  });

  it("fills exactly the schema's columns in every row", () => {
    for (const table of TABLE_NAMES) {
      const names = tableColumns(table)
        .map((c) => c.name)
        .sort();
      for (const row of tables[table]) expect(Object.keys(row).sort()).toEqual(names);
    }
  });

  it("sorts rows by key", () => {
    expect(tables.commitments.map((r) => r.id)).toEqual([
      "jmc8-energy-wg",
      "jmc8-labour-talks",
      "jmc8-tractors",
      "jmc9-trade-target",
    ]);
    expect(tables.institutions.map((r) => r.id)).toEqual(["by-gov", "by-mtw", "by-mtz", "pk-gov", "pk-navttc"]);
    expect(tables.commitment_parties.map((r) => `${r.commitment_id} ${r.institution_id}`)).toEqual([
      "jmc8-energy-wg by-gov",
      "jmc8-energy-wg pk-gov",
      "jmc8-labour-talks by-mtw",
      "jmc8-labour-talks pk-navttc",
      "jmc8-tractors by-mtz",
      "jmc8-tractors pk-gov",
      "jmc9-trade-target by-gov",
      "jmc9-trade-target pk-gov",
    ]);
    for (const table of TABLE_NAMES) {
      const keys = tables[table].map((r) => ENTITY[table].key.map((k) => String(r[k])).join("\u0000"));
      expect(keys).toEqual([...keys].sort());
    }
  });

  it("numbers commitments and institutions 1 to n in id order, and every reference carries its row's number", () => {
    expect(tables.commitments.map((r) => r.key)).toEqual([1, 2, 3, 4]);
    expect(tables.institutions.map((r) => [r.id, r.key])).toEqual([
      ["by-gov", 1],
      ["by-mtw", 2],
      ["by-mtz", 3],
      ["pk-gov", 4],
      ["pk-navttc", 5],
    ]);
    const keyOf = (rows: Row[], id: unknown) => byId(rows, String(id)).key;
    for (const p of tables.commitment_parties) {
      expect(p.commitment_key).toBe(keyOf(tables.commitments, p.commitment_id));
      expect(p.institution_key).toBe(keyOf(tables.institutions, p.institution_id));
    }
    expect(tables.status_updates).not.toHaveLength(0);
    for (const u of tables.status_updates) expect(u.commitment_key).toBe(keyOf(tables.commitments, u.commitment_id));
  });

  it("gives a commitment without a date its event's start date, with that date's precision", () => {
    // Day precision, from pk-by-jmc-8 (an event file) and from commitments.csv.
    for (const id of ["jmc8-labour-talks", "jmc8-tractors"]) {
      expect(byId(tables.commitments, id)).toMatchObject({
        event_id: "pk-by-jmc-8",
        date: "2025-02-10",
        date_precision: "day",
        date_from: epochDay("2025-02-10"),
        date_to: epochDay("2025-02-10"),
      });
    }
    // Month precision, from pk-by-jmc-9 (start_date 2025-11).
    expect(byId(tables.commitments, "jmc9-trade-target")).toMatchObject({
      date: "2025-11",
      date_precision: "month",
      date_from: epochDay("2025-11-01"),
      date_to: epochDay("2025-11-30"),
    });
  });

  it("keeps a commitment's own date", () => {
    expect(byId(tables.commitments, "jmc8-energy-wg")).toMatchObject({ date: "2025-02-11", date_precision: "day" });
  });

  it("reads an unquoted YAML year as a year-precise date", () => {
    expect(byId(tables.commitments, "jmc8-energy-wg")).toMatchObject({
      target_date: "2026",
      target_date_precision: "year",
      target_date_from: epochDay("2026-01-01"),
      target_date_to: epochDay("2026-12-31"),
    });
  });

  it("gives a status update without a date its event's start date", () => {
    expect(byId(tables.status_updates, "jmc8-labour-talks-u1")).toMatchObject({
      event_id: "pk-by-jmc-9",
      date: "2025-11",
      date_precision: "month",
    });
  });

  it("derives a commitment's status from its latest update, whatever the file order", () => {
    // u2 (2025-10, done) is in an event file read before status_updates.csv, which holds u1 (2025-03-05, in_progress).
    expect(byId(tables.commitments, "jmc8-energy-wg")).toMatchObject({
      status: "done",
      status_date: "2025-10",
      update_count: 2,
    });
    expect(byId(tables.commitments, "jmc8-labour-talks")).toMatchObject({
      status: "in_progress",
      status_date: "2025-11",
      update_count: 1,
    });
  });

  it("marks a commitment with no update as announced", () => {
    for (const id of ["jmc8-tractors", "jmc9-trade-target"]) {
      expect(byId(tables.commitments, id)).toMatchObject({ status: "announced", status_date: null, update_count: 0 });
    }
  });

  it("counts the parties of each commitment, from every format", () => {
    expect(Object.fromEntries(tables.commitments.map((c) => [c.id, c.party_count]))).toEqual({
      "jmc8-energy-wg": 2,
      "jmc8-labour-talks": 2,
      "jmc8-tractors": 2,
      "jmc9-trade-target": 2,
    });
  });

  it("fills party roles: written, from `id:role`, or the default", () => {
    const role = (c: string, i: string) =>
      tables.commitment_parties.find((p) => p.commitment_id === c && p.institution_id === i)?.role;
    expect(role("jmc8-labour-talks", "by-mtw")).toBe("lead"); // YAML {institution, role}
    expect(role("jmc8-labour-talks", "pk-navttc")).toBe("party"); // YAML id only
    expect(role("jmc8-tractors", "by-mtz")).toBe("signatory"); // CSV parties cell
    expect(role("jmc9-trade-target", "by-gov")).toBe("host"); // commitment_parties.csv
    expect(role("jmc9-trade-target", "pk-gov")).toBe("party"); // commitment_parties.csv, empty role
  });

  it("names each institution's country", () => {
    expect(Object.fromEntries(tables.institutions.map((i) => [i.id, i.country_name]))).toEqual({
      "by-gov": "Belarus",
      "by-mtw": "Belarus",
      "by-mtz": "Belarus",
      "pk-gov": "Pakistan",
      "pk-navttc": "Pakistan",
    });
  });

  it("fills defaults, empty lists and nulls for fields left out", () => {
    expect(byId(tables.events, "pk-by-jmc-8")).toMatchObject({
      status: "held",
      confidence: "high",
      note: null,
      end_date: "2025-02-11",
    });
    expect(byId(tables.events, "pk-by-jmc-9")).toMatchObject({
      status: "planned",
      co_chairs: [],
      end_date: null,
      end_date_precision: null,
    });
    expect(byId(tables.institutions, "pk-gov")).toMatchObject({ aliases: [], source_ids: [], acronym: null });
    expect(byId(tables.institutions, "by-mtw").aliases).toEqual(["Ministry of Labour", "Mintruda"]);
  });

  it("keeps text as written: markup verbatim, CSV quotes unescaped, colours lower-cased", () => {
    expect(byId(tables.sources, "src-mofa-2025").title).toBe("Joint statement <script>alert(1)</script>");
    expect(byId(tables.commitments, "jmc9-trade-target").summary).toBe('Reach a trade target of "USD 1 billion".');
    expect(byId(tables.commitments, "jmc8-tractors").summary).toBe(
      "Assemble tractors in Pakistan, with parts from Minsk.",
    );
    expect(byId(tables.sectors, "energy").color).toBe("#f28e2b");
    expect(byId(tables.events, "pk-by-jmc-8").summary).toBe(
      "The eighth session of the commission,\nheld over two days.",
    );
  });
});
