// What the /draft page drafts against: the records' institutions and sectors
// (with keywords) and the ids a drafted event file may refer to. Exits
// non-zero without writing a byte when the data folder has errors.
import { dataDir } from "../lib/pipeline/dataset.js";
import { draftPageContext } from "../lib/pipeline/draft-page-context.js";

try {
  const context = draftPageContext(dataDir());
  const json = JSON.stringify(context);
  process.stdout.write(`${json}\n`);
  process.stderr.write(
    `draft-context.json: ${context.institutions.length} institutions, ${context.sectors.length} sectors (${json.length} bytes)\n`,
  );
} catch (error) {
  process.stderr.write(`draft-context.json not written: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
