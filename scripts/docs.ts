/**
 * npm run docs — writes the reference part of docs/data-format.md (fields of
 * every record type) and docs/tables.md (the SQL tables and their columns)
 * from the schema in src/lib/model/schema.ts. `--check` fails when either file is
 * out of date (the test suite runs it).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { schemaDescription } from "../src/lib/model/schema-doc.js";

const START = "<!-- generated:schema:start -->";
const END = "<!-- generated:schema:end -->";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function fieldReference(): string {
  const out: string[] = [];
  for (const t of schemaDescription()) {
    out.push(`### \`${t.table}\``, "", t.description, "");
    out.push("| Field | Required | What it holds | Valid values |", "|---|---|---|---|");
    for (const f of t.fields) {
      const valid = f.values ? f.values.map((v) => `\`${v}\``).join(", ") : f.expected;
      out.push(`| \`${f.name}\` | ${f.required ? "yes" : "no"} | ${cell(f.description)} | ${cell(valid)} |`);
    }
    out.push("");
  }
  return out.join("\n");
}

export function tableReference(): string {
  const out: string[] = [];
  for (const t of schemaDescription()) {
    out.push(`## \`${t.table}\``, "", t.description, "", `Key: ${t.key.map((k) => `\`${k}\``).join(" + ")}.`, "");
    out.push("| Column | Type | Null | Description |", "|---|---|---|---|");
    for (const c of t.columns) {
      out.push(
        `| \`${c.name}\` | ${c.type} | ${c.nullable ? "yes" : "no"} | ${cell(c.description)}${c.derived ? " *(computed by the loader)*" : ""} |`,
      );
    }
    out.push("");
  }
  return out.join("\n");
}

function splice(path: string, generated: string): { before: string; after: string } {
  const before = readFileSync(path, "utf8");
  const start = before.indexOf(START);
  const end = before.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${path}: markers ${START} … ${END} not found`);
  const after = `${before.slice(0, start + START.length)}\n\n${generated.trim()}\n\n${before.slice(end)}`;
  return { before, after };
}

const targets = [
  { path: "docs/data-format.md", generated: fieldReference() },
  { path: "docs/tables.md", generated: tableReference() },
];
const check = process.argv.includes("--check");
let stale = 0;
for (const { path, generated } of targets) {
  const { before, after } = splice(path, generated);
  if (before === after) continue;
  if (check) {
    stale++;
    process.stderr.write(`${path} is out of date with src/lib/model/schema.ts: run npm run docs\n`);
  } else {
    writeFileSync(path, after);
    process.stdout.write(`wrote ${path}\n`);
  }
}
process.exit(stale ? 1 : 0);
