import { readYaml } from "./src/lib/read/document.js";
const base = ["event:","  id: e1","  title: Meeting","  kind: other","  start_date: 2025-02-10","  source_ids: [s1]","commitments:","  - id: c1","    sector: trade"];
const tries: [number, string][] = [[3, "  title: Meeting: again"], [6, "  source_ids: [s1"], [9, "   sector: trade"], [9, "\tsector: trade"], [4, "  kind: other\n kind2: x"], [3, "  title: 'Meeting"], [9, "    sector: trade\n  - id: c2\n    - bad"]];
for (const [n, t] of tries) {
  const lines = [...base]; lines[n - 1] = t;
  console.log(JSON.stringify(t), JSON.stringify(readYaml(lines.join("\n") + "\n", "e.yaml").problems.map(p => [p.line, p.column, p.message])));
}
