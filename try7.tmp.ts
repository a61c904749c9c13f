import { readYaml } from "./src/lib/read/document.js";
import { readFileSync } from "node:fs";
const t = readFileSync("/dev/stdin", "utf8");
for (const p of readYaml(t, "e.yaml").problems) console.log(p.line, p.column, p.message);
