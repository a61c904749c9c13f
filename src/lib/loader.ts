/**
 * What every table loader does (Node only): load and validate the whole data
 * folder, then write one table as Arrow IPC to stdout and a one-line summary to
 * stderr. On any error it prints the full report and exits non-zero without
 * writing a byte, so no partial table is left behind.
 */
import { toArrowIPC } from "./arrow.js";
import { dataDir, loadDataset } from "./dataset.js";
import type { TableName } from "./fields.js";
import { formatReport } from "./problems.js";
import { displayPath } from "./read/files.js";
import { tableColumns } from "./schema.js";

export function writeTable(table: TableName): void {
  const dir = dataDir();
  const result = loadDataset(dir);
  if (!result.tables) {
    process.stderr.write(
      `${formatReport(result.problems)}\n${table}.arrow not written: ${displayPath(dir)} has errors.\n`,
    );
    process.exit(1);
  }
  const rows = result.tables[table];
  const bytes = toArrowIPC(tableColumns(table), rows);
  const read = result.read[table];
  if (read !== rows.length) {
    process.stderr.write(`${table}.arrow not written: read ${read} records but produced ${rows.length} rows.\n`);
    process.exit(1);
  }
  process.stdout.write(bytes);
  process.stderr.write(
    `${table}.arrow: read ${read} record${read === 1 ? "" : "s"} from ${result.files.length} files in ${displayPath(dir)}, wrote ${rows.length} rows (${bytes.length} bytes)\n`,
  );
}
