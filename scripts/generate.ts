/**
 * npm run generate -- --commitments N --institutions M --countries K --seed S --out DIR [--force]
 *
 * Writes a synthetic dataset in the project's own record formats (CSV for the
 * big tables, YAML for sectors), for load tests and benchmarks. The same
 * options give byte-identical files. Chunks of text from the pure generator
 * (src/lib/generate) are written as they come, so memory stays bounded.
 * See docs/generator.md.
 */
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { parseGenerateArgs, USAGE } from "../src/lib/generate/args.js";
import { GENERATED_FILE, type GenerateSummary, generate } from "../src/lib/generate/generate.js";

function fail(message: string, usage = true): never {
  process.stderr.write(`generate: ${message}\n${usage ? `\n${USAGE}\n` : ""}`);
  process.exit(2);
}

const parsed = parseGenerateArgs(process.argv.slice(2));
if (!parsed.ok) fail(parsed.error);
const args = parsed.args;
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const started = performance.now();
const out = args.out;
let existing: string[];
try {
  if (statSync(out, { throwIfNoEntry: false })?.isFile()) fail(`--out ${out} is a file, not a folder`, false);
  mkdirSync(out, { recursive: true });
  existing = readdirSync(out);
} catch (error) {
  fail(`cannot create --out ${out}: ${(error as Error).message}`, false);
}
let kept = 0;
if (existing.length > 0) {
  if (!args.force) {
    fail(
      `--out ${out} is not empty (${existing.length} entries); choose an empty folder, or add --force to replace the files the generator writes there`,
      false,
    );
  }
  for (const name of existing) {
    const path = join(out, name);
    if (GENERATED_FILE.test(name) && statSync(path).isFile()) rmSync(path);
    else kept++;
  }
}

const open = new Map<string, number>();
let bytes = 0;
const it = generate({
  commitments: args.commitments,
  institutions: args.institutions,
  countries: args.countries,
  seed: args.seed,
});
let summary: GenerateSummary;
for (;;) {
  const step = it.next();
  if (step.done) {
    summary = step.value;
    break;
  }
  const { file, text, end } = step.value;
  let fd = open.get(file);
  if (fd === undefined) {
    fd = openSync(join(out, file), "wx");
    open.set(file, fd);
  }
  const buffer = Buffer.from(text, "utf8");
  for (let written = 0; written < buffer.length; ) written += writeSync(fd, buffer, written);
  bytes += buffer.length;
  if (end) {
    closeSync(fd);
    open.delete(file);
  }
}
for (const fd of open.values()) closeSync(fd);

const seconds = (performance.now() - started) / 1000;
const peakMb = process.resourceUsage().maxRSS / 1024;
const n = (x: number) => x.toLocaleString("en");
const c = summary.counts;
process.stdout.write(
  `generated ${n(c.commitments)} commitments (${n(c.commitment_parties)} parties), ${n(c.events)} events, ` +
    `${n(c.status_updates)} status updates, ${n(c.institutions)} institutions, ${n(c.sources)} sources, ` +
    `${n(c.sectors)} sectors in ${out} (${summary.files.length} files, ${(bytes / 1e6).toFixed(1)} MB` +
    `${kept ? `; ${kept} other ${kept === 1 ? "entry" : "entries"} left in place` : ""}) in ${seconds.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB\n`,
);
