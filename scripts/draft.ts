/**
 * npm run draft -- FILE [--source-url URL] [--out FILE] [--data DIR]
 *   [--title T] [--date YYYY-MM-DD] [--place P]
 * Drafts the event and commitments of a press release (.txt, .md or .html)
 * against the data folder's institutions and sectors, and writes them as one
 * event YAML file to --out or stdout. Never writes into the data folder: an
 * --out inside it is refused. Warnings go to stderr.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { extname, isAbsolute, relative, resolve } from "node:path";
import { draftText } from "../src/lib/drafting/draft-text.js";
import { draftYaml } from "../src/lib/drafting/draft-yaml.js";
import { dataDir } from "../src/lib/pipeline/dataset.js";
import { draftContextOf } from "../src/lib/pipeline/draft-context.js";

const USAGE =
  "Usage: npm run draft -- FILE [--source-url URL] [--out FILE] [--data DIR] [--title T] [--date YYYY-MM-DD] [--place P]";
const OPTIONS = ["source-url", "out", "data", "title", "date", "place"];

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

/** The file and the options, every problem refused with a reason. */
function parseArgs(argv: string[]): { file: string; options: Map<string, string> } {
  const options = new Map<string, string>();
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith("--")) {
      files.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!OPTIONS.includes(name)) fail(`Unknown option --${name}.`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith("--")) fail(`--${name} needs a value.`);
    options.set(name, value);
  }
  if (files.length !== 1)
    fail(files.length === 0 ? "Give the file to draft from." : `Give one file, not ${files.length}.`);
  return { file: files[0] as string, options };
}

const { file, options } = parseArgs(process.argv.slice(2));
if (!existsSync(file)) fail(`${file}: no such file.`);
if (![".txt", ".md", ".markdown", ".html", ".htm"].includes(extname(file).toLowerCase())) {
  fail(`${file}: expected a .txt, .md or .html file.`);
}
const dir = resolve(options.get("data") ?? dataDir());
const out = options.get("out");
if (out) {
  const inside = relative(dir, resolve(out));
  if (inside === "" || (!inside.startsWith("..") && !isAbsolute(inside))) {
    fail(
      `--out ${out} is inside the data folder ${dir}: the drafter never writes there. Review the draft, then move it in yourself.`,
    );
  }
}
const sourceUrl = options.get("source-url");
if (sourceUrl && !/^https?:\/\//i.test(sourceUrl))
  fail(`--source-url ${sourceUrl}: expected an http:// or https:// URL.`);

let context: ReturnType<typeof draftContextOf>;
try {
  context = draftContextOf(dir);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
const event = {
  ...(options.has("title") ? { title: options.get("title") } : {}),
  ...(options.has("date") ? { start_date: options.get("date") } : {}),
  ...(options.has("place") ? { place: options.get("place") } : {}),
  ...(sourceUrl ? { source_url: sourceUrl } : {}),
};
const result = draftText({ text: readFileSync(file, "utf8"), event }, context);
const yaml = draftYaml(result, { tool: "npm run draft" });
for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
process.stderr.write(
  `Drafted ${result.commitments.length} commitments and ${result.institutions.length} new institutions from ${file}.\n`,
);
if (out) {
  writeFileSync(out, yaml);
  process.stderr.write(`Wrote ${out}. Review it, then move it into the data folder and run npm run validate.\n`);
} else {
  process.stdout.write(yaml);
}
