// The presentation stories of data/stories/, checked against the tables
// (src/lib/model/stories.ts): what /present shows. On any error it prints the full
// report and exits non-zero without writing a byte.
import { dataDir } from "../lib/pipeline/dataset.js";
import { tablesOrExit } from "../lib/pipeline/data-loader.js";
import type { StoriesFile } from "../lib/model/contracts.js";
import { formatReport } from "../lib/model/problems.js";
import { displayPath, publishedPath } from "../lib/pipeline/files.js";
import { knownFromCache, loadStories, storiesSummary } from "../lib/pipeline/story-files.js";

const dir = dataDir();
const { folder } = tablesOrExit("stories.json");
const result = loadStories(dir, knownFromCache(folder));
if (result.errors) {
  process.stderr.write(`${formatReport(result.problems)}\nstories.json not written: ${displayPath(dir)} has errors.\n`);
  process.exit(1);
}
const file: StoriesFile = { stories: result.stories, dataDir: publishedPath(dir) };
const json = `${JSON.stringify(file, null, 1)}\n`;
process.stdout.write(json);
process.stderr.write(`stories.json: ${storiesSummary(result.stories)} from ${displayPath(dir)} (${json.length} bytes)\n`);
