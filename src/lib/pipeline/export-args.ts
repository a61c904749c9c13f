/**
 * The arguments of `npm run export`, checked before anything is read or
 * written. The first option says what to export and takes its own operands
 * (`--records xlsx FILE`, `--story ID`); the rest are options every export
 * shares, and `--format`/`--out`, which a story takes. A new kind of export
 * is a new entry in EXPORT_KINDS (with its formats) and a branch in
 * scripts/export.ts.
 */
import { STORY_ID } from "../model/present.js";

/** What can be exported, the formats of each, and how its operands read in the usage. */
export const EXPORT_KINDS = {
  records: { formats: ["xlsx"], operands: "FORMAT FILE", about: "the data folder's records, valid ones only" },
  story: {
    formats: ["pptx", "pdf"],
    operands: "ID --format FORMAT",
    about: "a story as a PowerPoint deck or a PDF handout",
  },
} as const satisfies Record<string, { formats: readonly string[]; operands: string; about: string }>;

export type ExportKind = keyof typeof EXPORT_KINDS;

export interface ExportArgs {
  what: ExportKind;
  format: string;
  /** The file to write (a story's: `--out`, else `<ID>.<format>`). */
  out: string;
  /** The data folder; undefined for the default (ACCORD_DATA_DIR, else data/). */
  data?: string;
  force: boolean;
  /** The story's id, for `--story`. */
  story?: string;
  /** The site root a story's links name (`--site`, ending in "/"). */
  site?: string;
}

/** Where a story's links point unless `--site` says: the address `npm run preview` serves the site at. */
export const DEFAULT_SITE = "http://127.0.0.1:3000/";

export const EXPORT_USAGE = `Usage: npm run export -- --records xlsx FILE [--data DIR] [--force]
       npm run export -- --story ID --format pptx|pdf [--out FILE] [--site URL] [--data DIR] [--force]

What to export (one):
${Object.entries(EXPORT_KINDS)
  .map(([kind, k]) => `${`  --${kind} ${k.operands}`.padEnd(34)}${k.about}; FORMAT: ${k.formats.join(", ")}`)
  .join("\n")}

Options:
  --out FILE                        the file to write, for --story (default: ID.FORMAT)
  --site URL                        the site a story's links point at (default: ${DEFAULT_SITE}, npm run preview)
  --data DIR                        the data folder (default: ACCORD_DATA_DIR, else data/)
  --force                           replace the file when it exists
  --help                            show this help`;

export type ExportParse = { ok: true; args: ExportArgs } | { ok: true; help: true } | { ok: false; error: string };

type Collected = { request?: Pick<ExportArgs, "what" | "format" | "out" | "story">; values: Map<string, string> };

/** The value of `--name VALUE` at argv[i], or an error. */
function optionValue(argv: readonly string[], i: number, name: string, what: string): string | { error: string } {
  const value = argv[i + 1];
  return value === undefined || value.startsWith("--") ? { error: `--${name} needs ${what}` } : value;
}

/** `--records FORMAT FILE` at argv[i]. */
function recordsRequest(argv: readonly string[], i: number): Collected["request"] | string {
  const [format, out] = [argv[i + 1], argv[i + 2]];
  const formats: readonly string[] = EXPORT_KINDS.records.formats;
  if (format === undefined || !formats.includes(format)) {
    return `--records needs a format among: ${formats.join(", ")} (got ${format ?? "nothing"})`;
  }
  if (out === undefined || out.startsWith("--")) return `--records ${format} needs a file to write`;
  if (!out.toLowerCase().endsWith(`.${format}`)) return `the file to write should end in .${format} (got ${out})`;
  return { what: "records", format, out };
}

const VALUE_OPTIONS: Record<string, string> = {
  data: "a folder",
  format: "a format",
  out: "a file",
  site: "an http(s) address",
};

/** The site root `--site` names, ending in "/", or null when it is not an http(s) address. */
function siteRoot(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.search = "";
    url.hash = "";
    return url.href.endsWith("/") ? url.href : `${url.href}/`;
  } catch {
    return null;
  }
}

/** Reads argv into the request and the value options, or the first error. */
function collect(argv: readonly string[]): Collected | string {
  const found: Collected = { values: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    if (name === undefined) return `unexpected argument "${arg}"`;
    if (name === "force") found.values.set("force", "true");
    else if (name in VALUE_OPTIONS) {
      if (found.values.has(name)) return `--${name} is given twice`;
      const value = optionValue(argv, i++, name, VALUE_OPTIONS[name]);
      if (typeof value !== "string") return value.error;
      found.values.set(name, value);
    } else if (name in EXPORT_KINDS) {
      if (found.request) return `one export at a time: --${found.request.what} and --${name}`;
      if (name === "records") {
        const request = recordsRequest(argv, i);
        if (typeof request === "string") return request;
        found.request = request;
        i += 2;
      } else {
        const id = optionValue(argv, i++, "story", "a story id (the name of its file in stories/)");
        if (typeof id !== "string") return id.error;
        if (!STORY_ID.test(id)) return `--story needs a story id: lower-case letters, digits and hyphens (got ${id})`;
        found.request = { what: "story", format: "", out: "", story: id };
      }
    } else return `unknown option "--${name}"`;
  }
  return found;
}

/** The story request completed from --format and --out. */
function storyRequest(request: NonNullable<Collected["request"]>, values: Map<string, string>): ExportArgs | string {
  const format = values.get("format");
  const formats: readonly string[] = EXPORT_KINDS.story.formats;
  if (format === undefined || !formats.includes(format)) {
    return `--story needs --format among: ${formats.join(", ")} (got ${format ?? "nothing"})`;
  }
  const out = values.get("out") ?? `${request.story}.${format}`;
  if (!out.toLowerCase().endsWith(`.${format}`)) return `the file to write should end in .${format} (got ${out})`;
  const site = siteRoot(values.get("site") ?? DEFAULT_SITE);
  if (!site) return `--site needs an http(s) address (got ${values.get("site")})`;
  return { ...request, format, out, site, data: values.get("data"), force: values.has("force") };
}

export function parseExportArgs(argv: readonly string[]): ExportParse {
  if (argv.includes("--help")) return { ok: true, help: true };
  const found = collect(argv);
  if (typeof found === "string") return { ok: false, error: found };
  const { request, values } = found;
  if (!request) {
    const kinds = Object.keys(EXPORT_KINDS).map((k) => `--${k}`);
    return { ok: false, error: `say what to export: ${kinds.join(", ")}` };
  }
  if (request.what === "story") {
    const args = storyRequest(request, values);
    return typeof args === "string" ? { ok: false, error: args } : { ok: true, args };
  }
  for (const name of ["format", "out", "site"]) {
    if (values.has(name)) return { ok: false, error: `--${name} is for --story; --records takes FORMAT FILE` };
  }
  return { ok: true, args: { ...request, data: values.get("data"), force: values.has("force") } };
}
