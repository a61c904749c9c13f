import { describe, expect, it } from "vitest";
import { ENTITIES, ENTITY, isTableName, tableColumns } from "../../../src/lib/model/schema.js";
import { TABLE_NAMES } from "../../../src/lib/model/tables.js";

describe("the schema", () => {
  it("lists seven tables, each once", () => {
    expect(new Set(TABLE_NAMES).size).toBe(TABLE_NAMES.length);
    expect([...TABLE_NAMES].sort()).toEqual([
      "commitment_parties",
      "commitments",
      "events",
      "institutions",
      "sectors",
      "sources",
      "status_updates",
    ]);
    for (const table of TABLE_NAMES) expect(isTableName(table)).toBe(true);
    expect(isTableName("sector")).toBe(false);
    expect(isTableName("toString")).toBe(false);
  });

  it.each(TABLE_NAMES)("%s has unique column names", (table) => {
    const names = tableColumns(table).map((c) => c.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it.each(TABLE_NAMES)("%s has derived columns that do not clash with its fields' columns", (table) => {
    const entity = ENTITY[table];
    const fieldColumns = new Set(
      Object.entries(entity.fields).flatMap(([name, f]) => f.columns(name).map((c) => c.name)),
    );
    for (const derived of entity.derived) {
      expect(fieldColumns.has(derived.name), derived.name).toBe(false);
      expect(entity.fields[derived.name], derived.name).toBeUndefined();
      expect(derived.derivation.length, derived.name).toBeGreaterThan(0);
    }
  });

  it("never lets a field's name clash with another field's generated columns (date_from and the like)", () => {
    for (const entity of ENTITIES) {
      for (const [name, field] of Object.entries(entity.fields)) {
        const generated = field
          .columns(name)
          .map((c) => c.name)
          .filter((c) => c !== name);
        for (const column of generated) expect(entity.fields[column], `${entity.table}.${column}`).toBeUndefined();
      }
    }
  });

  it.each(TABLE_NAMES)("%s has ref fields that point to existing tables", (table) => {
    for (const [name, field] of Object.entries(ENTITY[table].fields)) {
      if (field.kind !== "ref" && field.kind !== "refList") continue;
      expect(field.ref, `${table}.${name}`).toBeDefined();
      expect(isTableName(field.ref ?? ""), `${table}.${name} -> ${field.ref}`).toBe(true);
    }
  });

  it("points every ref field at the table its name says", () => {
    const refs = ENTITIES.flatMap((e) =>
      Object.entries(e.fields)
        .filter(([, f]) => f.ref)
        .map(([name, f]) => `${e.table}.${name} -> ${f.ref}`),
    );
    expect(refs).toEqual(
      expect.arrayContaining([
        "commitments.event_id -> events",
        "commitments.sector -> sectors",
        "commitments.source_id -> sources",
        "commitments.target_event_id -> events",
        "commitment_parties.commitment_id -> commitments",
        "commitment_parties.institution_id -> institutions",
        "status_updates.commitment_id -> commitments",
        "events.source_ids -> sources",
      ]),
    );
  });

  it.each(TABLE_NAMES)("%s describes every field and says what each expects", (table) => {
    const entity = ENTITY[table];
    expect(entity.description.trim().length).toBeGreaterThan(10);
    for (const [name, field] of Object.entries(entity.fields)) {
      expect(field.description.trim().length, `${table}.${name} description`).toBeGreaterThan(3);
      expect(field.expected.trim().length, `${table}.${name} expected`).toBeGreaterThan(3);
    }
    for (const column of tableColumns(table))
      expect(column.description.trim().length, `${table}.${column.name}`).toBeGreaterThan(3);
  });

  it.each(TABLE_NAMES)("%s has a key made of required fields", (table) => {
    const entity = ENTITY[table];
    expect(entity.key.length).toBeGreaterThan(0);
    for (const k of entity.key) expect(entity.fields[k]?.required, `${table}.${k}`).toBe(true);
  });

  it("lists the allowed values of every enum field", () => {
    for (const entity of ENTITIES) {
      for (const [name, field] of Object.entries(entity.fields)) {
        if (field.kind !== "enum") continue;
        expect(field.values?.length, `${entity.table}.${name}`).toBeGreaterThan(0);
        for (const v of field.values ?? []) expect(field.expected).toContain(v);
      }
    }
  });

  it("gives a partial date four columns: as written, precision, first and last day", () => {
    expect(tableColumns("events").filter((c) => c.name.startsWith("start_date"))).toEqual([
      expect.objectContaining({ name: "start_date", type: "utf8", nullable: false }),
      expect.objectContaining({ name: "start_date_precision", type: "utf8", nullable: false }),
      expect.objectContaining({ name: "start_date_from", type: "date", nullable: false }),
      expect.objectContaining({ name: "start_date_to", type: "date", nullable: false }),
    ]);
  });

  it("makes an enum with a default non-nullable even though it is optional", () => {
    const status = tableColumns("events").find((c) => c.name === "status");
    expect(status).toMatchObject({ type: "utf8", nullable: false });
    expect(ENTITY.events.fields.status.required).toBe(false);
  });
});
