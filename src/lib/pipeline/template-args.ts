/**
 * The arguments of `npm run template`, checked before anything is written:
 * the workbook to write (`--xlsx FILE`), the data folder whose sector ids
 * fill the drop-down lists, and whether an existing file may be replaced.
 */
export interface TemplateArgs {
  out: string;
  /** The data folder; undefined for the default (ACCORD_DATA_DIR, else data/). */
  data?: string;
  force: boolean;
}

export const TEMPLATE_USAGE = `Usage: npm run template -- --xlsx FILE [--data DIR] [--force]

Writes an empty records workbook made from the schema: one sheet per record type,
drop-down lists for fixed values and the data folder's sector ids, and a "Fields"
sheet explaining each field.

Options:
  --xlsx FILE   the workbook to write (.xlsx)
  --data DIR    the data folder whose sectors fill the sector lists (default: ACCORD_DATA_DIR, else data/)
  --force       replace FILE when it exists
  --help        show this help`;

export type TemplateParse = { ok: true; args: TemplateArgs } | { ok: true; help: true } | { ok: false; error: string };

export function parseTemplateArgs(argv: readonly string[]): TemplateParse {
  if (argv.includes("--help")) return { ok: true, help: true };
  const args: Partial<TemplateArgs> = { force: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--force") {
      args.force = true;
      continue;
    }
    if (arg !== "--xlsx" && arg !== "--data") return { ok: false, error: `unexpected argument "${arg}"` };
    const key = arg === "--xlsx" ? "out" : "data";
    const value = argv[++i];
    if (args[key] !== undefined) return { ok: false, error: `${arg} is given twice` };
    if (value === undefined || value.startsWith("--")) {
      return { ok: false, error: `${arg} needs ${key === "out" ? "a file" : "a folder"}` };
    }
    args[key] = value;
  }
  if (args.out === undefined) return { ok: false, error: "say which workbook to write: --xlsx FILE" };
  if (!args.out.toLowerCase().endsWith(".xlsx"))
    return { ok: false, error: `the workbook should end in .xlsx (got ${args.out})` };
  return { ok: true, args: { out: args.out, data: args.data, force: args.force ?? false } };
}
