import { loadDataset } from "./src/lib/dataset.js";
import { mkdtempSync, writeFileSync } from "node:fs";
const d = mkdtempSync("/tmp/x-");
writeFileSync(d + "/sectors.yaml", "sectors:\n  - __proto__: {id: trade, label: T, color: \"#000000\"}\n");
const r = loadDataset(d);
console.log(r.problems, r.tables?.sectors);
