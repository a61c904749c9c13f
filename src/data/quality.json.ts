// Data-quality facts from validation, for the Data page: records read and rows
// written per table (they must match), files read, and every warning.
import { dataDir, loadDataset, reconcile } from "../lib/dataset.js";
import { formatReport } from "../lib/problems.js";

const result = loadDataset(dataDir());
if (!result.tables) {
  process.stderr.write(`${formatReport(result.problems)}\nquality.json not written: the data has errors.\n`);
  process.exit(1);
}
const warnings = result.problems.filter((p) => p.severity === "warning");
process.stdout.write(
  `${JSON.stringify({ files: result.files.length, counts: reconcile(result), warnings }, null, 1)}\n`,
);
process.stderr.write(`quality.json: ${result.files.length} files, ${warnings.length} warnings\n`);
