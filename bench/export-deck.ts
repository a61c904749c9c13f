/**
 * `npm run bench:export [-- --runs=N] [--pdf]`
 *
 * The sample story (pakistan-belarus) exported as a PowerPoint deck: the
 * time in the browser from pressing /present's "Download .pptx" to the
 * file's bytes (the page's own measure, `data-export-ms`), and the whole
 * `npm run export -- --story … --format pptx` command (Chromium's start and
 * the site's first load included), with the file's size, printed beside the
 * goal of 3 s in the browser. `--pdf` also times the PDF handout from the
 * command (it needs /present's handout mode). Builds dist/ first when stale.
 * Writes bench/results/export-deck-<timestamp>.json. Not a test: nothing
 * here fails on a slow machine.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, ROOT } from "../devtools/project-paths.js";
import { ensureDist } from "../devtools/site-build.js";
import { exportStory } from "../scripts/story-export.js";
import { describeMachine, intFlag, machine, ms, parseFlags, quantile, table, writeResult } from "./lib/common.js";

const USAGE = "Usage: npm run bench:export [-- --runs=N] [--pdf]";
const STORY = "pakistan-belarus";
const GOAL_MS = 3000;

const flags = parseFlags(process.argv.slice(2), ["runs"], ["pdf"], USAGE);
const runs = intFlag(flags, "runs", 3, USAGE);
const pdf = flags.has("pdf");

/** Wall time and output size of one `npm run export` of the sample story. */
function timeCommand(format: "pptx" | "pdf", dir: string): { ms: number; bytes: number } {
  const out = join(dir, `${STORY}.${format}`);
  const started = performance.now();
  const result = spawnSync(
    "npx",
    ["tsx", "scripts/export.ts", "--story", STORY, "--format", format, "--out", out, "--force"],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`npm run export (${format}) failed:\n${result.stderr}`);
  return { ms: performance.now() - started, bytes: statSync(out).size };
}

await ensureDist();
const dir = mkdtempSync(join(tmpdir(), "accord-bench-export-"));
const browser: number[] = [];
const command: number[] = [];
const pdfCommand: number[] = [];
let pptxBytes = 0;
let pdfBytes = 0;
try {
  for (let i = 0; i < runs; i++) {
    const run = await exportStory(DIST, STORY, "pptx", "http://127.0.0.1:3000/");
    if (run.pageMs !== null) browser.push(run.pageMs);
    pptxBytes = run.bytes.length;
    command.push(timeCommand("pptx", dir).ms);
    if (pdf) {
      const handout = timeCommand("pdf", dir);
      pdfCommand.push(handout.ms);
      pdfBytes = handout.bytes;
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const median = (values: number[]) => quantile(values, 0.5);
const kb = (n: number) => `${Math.round(n / 1024).toLocaleString("en")} KB`;
const rows = [
  ["figure", "median", "size", "goal"],
  [".pptx in the browser (press → bytes)", ms(median(browser)), kb(pptxBytes), `< ${ms(GOAL_MS)}`],
  [".pptx from the command (all included)", ms(median(command)), kb(pptxBytes), "—"],
  ...(pdf ? [[".pdf handout from the command", ms(median(pdfCommand)), kb(pdfBytes), "—"]] : []),
];
process.stdout.write(`${describeMachine()}\n${runs} run(s) of the story “${STORY}”\n${table(rows)}\n`);
const date = new Date().toISOString();
const file = writeResult("export-deck", date, {
  machine: machine(),
  story: STORY,
  runs,
  browserMs: browser,
  commandMs: command,
  pdfCommandMs: pdfCommand,
  pptxBytes,
  pdfBytes,
  goalMs: GOAL_MS,
});
process.stdout.write(`Wrote ${file}\n`);
