// The shape the code keeps (docs/architecture.md, CONTRIBUTING.md): no
// function in src/ over 150 lines, and no code fence in a page over 40 lines,
// so page logic lives in .ts where tsc and Biome see it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const MAX_FUNCTION_LINES = 150;
const MAX_FENCE_LINES = 40;
/** Parsing every file of src/ is a whole-tree scan (about 3 s on a quiet machine), not a unit. */
const SCAN_TIMEOUT = 60_000;

function filesUnder(dir: string, ending: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue; // src/.observablehq: Framework's cache
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path, ending));
    else if (entry.name.endsWith(ending)) out.push(path);
  }
  return out.sort();
}

/** Every function, method and arrow function in a source text, with its length in lines. */
function functionLengths(file: string, text: string): { name: string; line: number; lines: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { name: string; line: number; lines: number }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node)
    ) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.end).line;
      const named =
        node.name?.getText(source) ??
        (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(source) : "(anonymous)");
      found.push({ name: named, line: start + 1, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The ```js fences of a page, with their first line and length. */
function fences(text: string): { line: number; lines: number }[] {
  const out: { line: number; lines: number }[] = [];
  const rows = text.split("\n");
  let open: number | null = null;
  rows.forEach((row, i) => {
    if (open === null && /^```(js|javascript)\b/.test(row)) open = i;
    else if (open !== null && /^```\s*$/.test(row)) {
      out.push({ line: open + 1, lines: i - open - 1 });
      open = null;
    }
  });
  return out;
}

describe("the measures", () => {
  it("count a function's lines from its first to its last", () => {
    const text = "export function a() {\n  return 1;\n}\nconst b = () =>\n  2;\n";
    expect(functionLengths("x.ts", text)).toEqual([
      { name: "a", line: 1, lines: 3 },
      { name: "b", line: 4, lines: 2 },
    ]);
  });
  it("count the lines inside a js fence", () => {
    expect(fences("# t\n\n```js\na\nb\n```\n\n```sql\nx\n```\n")).toEqual([{ line: 3, lines: 2 }]);
  });
});

describe("src/", () => {
  it(
    `has no function over ${MAX_FUNCTION_LINES} lines`,
    () => {
      const long = filesUnder("src", ".ts").flatMap((file) =>
        functionLengths(file, readFileSync(file, "utf8"))
          .filter((f) => f.lines > MAX_FUNCTION_LINES)
          .map((f) => `${file}:${f.line} ${f.name} (${f.lines} lines)`),
      );
      expect(long).toEqual([]);
    },
    SCAN_TIMEOUT,
  );

  it(`has no code fence in a page over ${MAX_FENCE_LINES} lines`, () => {
    const pages = filesUnder("src", ".md");
    expect(pages.length).toBeGreaterThan(5);
    const long = pages.flatMap((file) =>
      fences(readFileSync(file, "utf8"))
        .filter((f) => f.lines > MAX_FENCE_LINES)
        .map((f) => `${file}:${f.line} (${f.lines} lines)`),
    );
    expect(long).toEqual([]);
  });
});
