/**
 * npm run eval:draft — scores the drafter (src/lib/drafting) against the
 * development set (bench/drafting/dev-set/, rules in docs/drafting.md) and
 * prints, per text and overall: commitment precision, recall and F1, sector
 * accuracy, action and strength accuracy, institution precision and recall,
 * and the time per text in Node, beside the goals of issue #17. Then the seed
 * press release: which of the 8th JMC's commitments were found. A benchmark:
 * it prints figures and never fails on them. `--verbose` lists what was missed.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { draftText } from "../src/lib/drafting/draft-text.js";
import { parseLocator } from "../src/lib/drafting/sentences.js";
import { draftContextOf } from "../src/lib/pipeline/draft-context.js";
import { table } from "./lib/common.js";
import { type GoldCommitment, scoreText, type TextScore } from "./lib/draft-scoring.js";

const SET = "bench/drafting/dev-set";
const SEED_DIR = "seed-8th-jmc";
const SEED_TEXT = "../shared/seeds/000_b09fe44ee6783136.txt";
const verbose = process.argv.includes("--verbose");

const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);
const f = (x: number) => (Number.isNaN(x) ? "–" : x.toFixed(2));
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

const context = draftContextOf("data");
const loadStart = performance.now();
draftText({ text: "Warm-up.\n\nThe two sides agreed to meet in 2026." }, context);
const loadMs = performance.now() - loadStart;

const rows: string[][] = [
  ["text", "gold", "drafts", "P", "R", "F1", "sector", "action", "strength", "inst P", "inst R", "ms"],
];
const total: TextScore = {
  gold: 0,
  drafts: 0,
  matched: 0,
  sectorRight: 0,
  strengthRight: 0,
  sentencePairs: 0,
  actionRight: 0,
  goldInstitutions: 0,
  draftInstitutions: 0,
  matchedInstitutions: 0,
  missed: [],
};
const times: number[] = [];
const dirs = readdirSync(SET, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== SEED_DIR)
  .map((d) => d.name)
  .sort();

for (const dir of dirs) {
  const text = readFileSync(join(SET, dir, "text.md"), "utf8");
  const gold = parse(readFileSync(join(SET, dir, "gold.yaml"), "utf8"));
  const start = performance.now();
  const result = draftText({ text }, context);
  const ms = performance.now() - start;
  times.push(ms);
  const s = scoreText(result, gold.commitments, gold.institutions, context.institutions);
  for (const key of Object.keys(total) as (keyof TextScore)[]) {
    if (key === "missed") total.missed.push(...s.missed.map((m) => `${dir}: ${m}`));
    else total[key] += s[key];
  }
  rows.push(row(dir, s, ms));
  if (verbose) {
    for (const m of s.missed) process.stdout.write(`  missed ${dir}: ${m}\n`);
    const names = new Map([...context.institutions, ...result.institutions].map((i) => [i.id, i.name]));
    const drafted = [...new Set(result.commitments.flatMap((c) => c.parties))].map((id) => names.get(id) ?? id);
    process.stdout.write(`  institutions drafted ${dir}: ${drafted.join("; ")}\n`);
    for (const c of result.commitments)
      process.stdout.write(
        `  draft s${c.sentence.index} ${c.action}/${c.strength} ${c.sector} ${c.summary.slice(0, 80)}\n`,
      );
  }
}

function row(name: string, s: TextScore, ms: number): string[] {
  const p = ratio(s.matched, s.drafts);
  const r = ratio(s.matched, s.gold);
  return [
    name,
    String(s.gold),
    String(s.drafts),
    f(p),
    f(r),
    f(f1(p, r)),
    f(ratio(s.sectorRight, s.matched)),
    f(ratio(s.actionRight, s.sentencePairs)),
    f(ratio(s.strengthRight, s.matched)),
    f(ratio(s.matchedInstitutions, s.draftInstitutions)),
    f(ratio(s.matchedInstitutions, s.goldInstitutions)),
    ms.toFixed(0),
  ];
}

rows.push(row("overall", total, times.reduce((a, b) => a + b, 0) / times.length));
process.stdout.write(
  `Drafter against the development set (${dirs.length} texts, ${total.gold} gold commitments)\n\n${table(rows)}\n\n`,
);
const p = ratio(total.matched, total.drafts);
const r = ratio(total.matched, total.gold);
const ip = ratio(total.matchedInstitutions, total.draftInstitutions);
const ir = ratio(total.matchedInstitutions, total.goldInstitutions);
const goals = [
  ["figure", "value", "goal (issue #17)"],
  ["commitment recall", f(r), "≥ 0.85"],
  ["commitment precision", f(p), "≥ 0.80"],
  ["commitment F1", f(f1(p, r)), ""],
  ["sector accuracy (matched)", f(ratio(total.sectorRight, total.matched)), "≥ 0.80"],
  ["action accuracy (paired by sentence)", f(ratio(total.actionRight, total.sentencePairs)), ""],
  ["strength accuracy (matched)", f(ratio(total.strengthRight, total.matched)), ""],
  ["institution precision / recall", `${f(ip)} / ${f(ir)}`, ""],
  ["institution F1", f(f1(ip, ir)), "≥ 0.85"],
  [
    "time per text, Node (mean, max)",
    `${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(0)} ms, ${Math.max(...times).toFixed(0)} ms`,
    "< 1 s in the browser",
  ],
  ["English model load, Node (once)", `${loadMs.toFixed(0)} ms`, ""],
];
process.stdout.write(
  `${table(goals)}\n\nThe browser time is measured by the /draft page's benchmark and test, not here.\n\n`,
);
seedReport();

/** The seed press release: is each 8th JMC commitment found (a draft from its sentence, and with its action)? */
function seedReport(): void {
  if (!existsSync(SEED_TEXT)) {
    process.stdout.write(`Seed: ${SEED_TEXT} is absent, so the seed was not scored.\n`);
    return;
  }
  const seed = parse(readFileSync(join(SET, SEED_DIR, "gold.yaml"), "utf8"));
  const records = parse(readFileSync(seed.records, "utf8"));
  const actions = new Map<string, string>(records.commitments.map((c: GoldCommitment) => [c.id, c.action]));
  const result = draftText(
    { text: readFileSync(SEED_TEXT, "utf8"), event: { source_url: seed.seed.source_url } },
    context,
  );
  let bySentence = 0;
  let byAction = 0;
  const missed: string[] = [];
  for (const g of seed.commitments as { id: string; locator: string }[]) {
    const at = parseLocator(g.locator)?.sentence;
    const here = result.commitments.filter((c) => c.sentence.index === at);
    if (here.length) bySentence++;
    else missed.push(`${g.id} (${g.locator})`);
    if (here.some((c) => c.action === actions.get(g.id))) byAction++;
  }
  const n = seed.commitments.length;
  process.stdout.write(
    `Seed (8th JMC, ${n} commitments): ${bySentence}/${n} found by sentence, ${byAction}/${n} with the dataset's action; ${result.commitments.length} drafts.\n`,
  );
  process.stdout.write(missed.length ? `Missed: ${missed.join(", ")}\n` : "Every 8th JMC commitment was found.\n");
}
