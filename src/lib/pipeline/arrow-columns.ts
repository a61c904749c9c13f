/**
 * A table file of the build (`<table>.arrow`) read column by column, each
 * column turned into plain values when first asked for: days (Arrow Date) as
 * YYYY-MM-DD, nulls as null. For loaders that shape a few columns of large
 * tables in JavaScript (src/lib/pipeline/timeline-first.ts).
 */
import { readFileSync } from "node:fs";
import { Type, tableFromIPC } from "apache-arrow";

/** One table: its row count and a column by name (read once, on demand). */
export interface ColumnReader {
  rows: number;
  column(name: string): readonly unknown[];
}

export function arrowColumns(file: string): ColumnReader {
  const table = tableFromIPC(readFileSync(file));
  const cache = new Map<string, unknown[]>();
  return {
    rows: table.numRows,
    column(name) {
      let values = cache.get(name);
      if (values) return values;
      const vector = table.getChild(name);
      if (!vector) throw new Error(`${file}: no column ${name}`);
      const day = vector.type.typeId === Type.Date;
      values = Array.from({ length: table.numRows }, (_, i) => {
        const v = vector.get(i);
        if (v === null || v === undefined) return null;
        return day ? new Date(v as number).toISOString().slice(0, 10) : v;
      });
      cache.set(name, values);
      return values;
    },
  };
}
