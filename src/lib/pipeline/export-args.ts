/**
 * The arguments of `npm run export`, checked before anything is read or
 * written. The first option says what to export and takes its own operands
 * (`--records xlsx FILE`); the rest are options every export shares. A new
 * kind of export is a new entry in EXPORT_KINDS (with its formats) and a
 * branch in scripts/export.ts.
 */

/** What can be exported, the formats of each, and how its operands read in the usage. */
export const EXPORT_KINDS = {
  records: { formats: ["xlsx"], operands: "FORMAT FILE", about: "the data folder's records, valid ones only" },
} as const satisfies Record<string, { formats: readonly string[]; operands: string; about: string }>;

export type ExportKind = keyof typeof EXPORT_KINDS;

export interface ExportArgs {
  what: ExportKind;
  format: string;
  /** The file to write. */
  out: string;
  /** The data folder; undefined for the default (ACCORD_DATA_DIR, else data/). */
  data?: string;
  force: boolean;
}

export const EXPORT_USAGE = `Usage: npm run export -- --records xlsx FILE [--data DIR] [--force]

What to export (one):
${Object.entries(EXPORT_KINDS)
  .map(([kind, k]) => `${`  --${kind} ${k.operands}`.padEnd(28)}${k.about}; FORMAT: ${k.formats.join(", ")}`)
  .join("\n")}

Options:
  --data DIR                the data folder (default: ACCORD_DATA_DIR, else data/)
  --force                   replace FILE when it exists
  --help                    show this help`;

export type ExportParse = { ok: true; args: ExportArgs } | { ok: true; help: true } | { ok: false; error: string };

export function parseExportArgs(argv: readonly string[]): ExportParse {
  if (argv.includes("--help")) return { ok: true, help: true };
  let request: Pick<ExportArgs, "what" | "format" | "out"> | undefined;
  let data: string | undefined;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    if (name === undefined) return { ok: false, error: `unexpected argument "${arg}"` };
    if (name === "force") force = true;
    else if (name === "data") {
      if (data !== undefined) return { ok: false, error: "--data is given twice" };
      data = argv[++i];
      if (data === undefined || data.startsWith("--")) return { ok: false, error: "--data needs a folder" };
    } else if (name in EXPORT_KINDS) {
      if (request) return { ok: false, error: `one export at a time: --${request.what} and --${name}` };
      const what = name as ExportKind;
      const [format, out] = [argv[i + 1], argv[i + 2]];
      i += 2;
      const formats: readonly string[] = EXPORT_KINDS[what].formats;
      if (format === undefined || !formats.includes(format)) {
        return {
          ok: false,
          error: `--${what} needs a format among: ${formats.join(", ")} (got ${format ?? "nothing"})`,
        };
      }
      if (out === undefined || out.startsWith("--"))
        return { ok: false, error: `--${what} ${format} needs a file to write` };
      if (!out.toLowerCase().endsWith(`.${format}`)) {
        return { ok: false, error: `the file to write should end in .${format} (got ${out})` };
      }
      request = { what, format, out };
    } else return { ok: false, error: `unknown option "--${name}"` };
  }
  if (!request)
    return {
      ok: false,
      error: `say what to export: ${Object.keys(EXPORT_KINDS)
        .map((k) => `--${k}`)
        .join(", ")}`,
    };
  return { ok: true, args: { ...request, data, force } };
}
