// Filter choices and the unfiltered overview, so pages draw before DuckDB starts.
import { dataDir, loadDataset } from "../lib/dataset.js";
import { overviewSeed } from "../lib/overview.js";
import { formatReport } from "../lib/problems.js";

const result = loadDataset(dataDir());
if (!result.tables) {
  process.stderr.write(`${formatReport(result.problems)}\noverview.json not written: the data has errors.\n`);
  process.exit(1);
}
const seed = overviewSeed(result.tables);
process.stdout.write(`${JSON.stringify(seed)}\n`);
process.stderr.write(
  `overview.json: ${seed.headline.commitments} commitments, ${seed.bySector.length} sector×status cells, ${seed.options.institution.length} institutions\n`,
);
