/**
 * npm run validate [folder] — checks record files and presentation stories
 * (`stories/`) without building. Prints every problem with file, line, field,
 * value and what was expected, the cause first (a file that could not be
 * read); exits 0 only when there is no error. `--json` prints the problems
 * as JSON, in the same order.
 */
import { resolve } from "node:path";
import { formatReport, sortProblems } from "../src/lib/model/problems.js";
import { dataDir, loadDataset, reconcile } from "../src/lib/pipeline/dataset.js";
import { displayPath } from "../src/lib/pipeline/files.js";
import { knownFromStores, loadStories, storiesSummary } from "../src/lib/pipeline/story-files.js";

const args = process.argv.slice(2);
const json = args.includes("--json");
const folder = args.find((a) => !a.startsWith("--"));
const dir = folder ? resolve(folder) : dataDir();
const result = loadDataset(dir);
// Stories' links name records: they are checked against the records when those are valid, for their form otherwise.
const stories = loadStories(dir, result.columns ? knownFromStores(result.columns) : undefined);
const problems = [...result.problems, ...stories.problems];
const errors = result.errors + stories.errors;

if (json) {
  process.stdout.write(
    `${JSON.stringify(
      {
        valid: errors === 0,
        // In the report's order: a file that could not be read first (rank "cause"), then what it hides ("knock-on").
        problems: sortProblems(problems),
        counts: reconcile(result),
        stories: stories.stories.map((s) => ({ id: s.id, slides: s.slides.length })),
      },
      null,
      2,
    )}\n`,
  );
} else {
  if (problems.length) process.stdout.write(`${formatReport(problems)}\n`);
  if (errors === 0) {
    const counts = reconcile(result)
      .map((c) => `${c.written} ${c.table}`)
      .join(", ");
    const told = stories.files.length ? `; ${storiesSummary(stories.stories)}` : "";
    process.stdout.write(`${displayPath(dir)} is valid: ${result.files.length} files; ${counts}${told}.\n`);
  } else {
    if (result.errors && stories.files.length) {
      process.stdout.write(
        "Story links were checked for their form only; they are checked against the records once the records are valid.\n",
      );
    }
    process.stdout.write(`${displayPath(dir)} is not valid: fix the errors above (nothing was built).\n`);
  }
}
process.exit(errors === 0 ? 0 : 1);
