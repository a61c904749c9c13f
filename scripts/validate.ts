/**
 * npm run validate [folder] — checks record files without building.
 * Prints every problem with file, line, field, value and what was expected;
 * exits 0 only when there is no error. `--json` prints the problems as JSON.
 */
import { resolve } from "node:path";
import { dataDir, loadDataset, reconcile } from "../src/lib/dataset.js";
import { formatReport } from "../src/lib/problems.js";
import { displayPath } from "../src/lib/read/files.js";

const args = process.argv.slice(2);
const json = args.includes("--json");
const folder = args.find((a) => !a.startsWith("--"));
const dir = folder ? resolve(folder) : dataDir();
const result = loadDataset(dir);

if (json) {
  process.stdout.write(
    `${JSON.stringify({ valid: result.errors === 0, problems: result.problems, counts: reconcile(result) }, null, 2)}\n`,
  );
} else {
  if (result.problems.length) process.stdout.write(`${formatReport(result.problems)}\n`);
  if (result.errors === 0) {
    const counts = reconcile(result)
      .map((c) => `${c.written} ${c.table}`)
      .join(", ");
    process.stdout.write(`${displayPath(dir)} is valid: ${result.files.length} files; ${counts}.\n`);
  } else {
    process.stdout.write(`${displayPath(dir)} is not valid: fix the errors above (nothing was built).\n`);
  }
}
process.exit(result.errors === 0 ? 0 : 1);
