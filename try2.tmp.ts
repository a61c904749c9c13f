import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { loadDataset } from "./src/lib/dataset.js";
const cases: Record<string, Record<string, string | Buffer>> = JSON.parse(process.argv[2]);
for (const [name, files] of Object.entries(cases)) {
  const dir = mkdtempSync(join(tmpdir(), "aa-"));
  for (const [f, c] of Object.entries(files)) { mkdirSync(dirname(join(dir, f)), { recursive: true }); writeFileSync(join(dir, f), c); }
  const r = loadDataset(dir);
  console.log("==", name);
  for (const p of r.problems) console.log(JSON.stringify({ ...p, file: p.file.replace(dir + "/", ""), expected: undefined }));
}
