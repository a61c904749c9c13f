import { loadDataset, reconcile } from "./src/lib/dataset.js";
const r = loadDataset(process.argv[2]);
console.log(JSON.stringify(r.problems, null, 1), r.errors, r.files);
console.log(reconcile(r));
if (r.tables) for (const [t, rows] of Object.entries(r.tables)) console.log(t, JSON.stringify(rows, null, 0));
