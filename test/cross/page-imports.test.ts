// What the pages import, which dependency-cruiser cannot see (.dependency-cruiser.cjs
// reads only .ts): the import specifiers of the ```js fences of every page,
// src/**/*.md. Local ones must resolve to files, and nothing a page imports,
// directly or through the modules it imports (type-only imports count), may be
// Node-only code (src/lib/pipeline, src/lib/generate) or a Node built-in.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../devtools/project-paths.js";

const SRC = join(ROOT, "src");
const NODE_ONLY = /^src\/lib\/(pipeline|generate)\//;

/** The .md pages under dir, skipping Framework's cache. */
function pages(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === ".observablehq" || name === "node_modules") return [];
    if (statSync(path).isDirectory()) return pages(path);
    return name.endsWith(".md") ? [path] : [];
  });
}

/** The code of the page's JavaScript fences (```js, with or without options). */
function jsFences(markdown: string): string[] {
  const fences: string[] = [];
  let current: string[] | null = null;
  for (const line of markdown.split("\n")) {
    if (current === null) {
      if (/^```(js|ts|jsx|tsx)\b/.test(line)) current = [];
    } else if (/^```\s*$/.test(line)) {
      fences.push(current.join("\n"));
      current = null;
    } else current.push(line);
  }
  return fences;
}

/** The specifiers of the static and dynamic imports and re-exports in code. */
function specifiers(code: string): string[] {
  return ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
}

const isLocal = (specifier: string) => /^\.{1,2}\/|^\//.test(specifier);
const isNode = (specifier: string) => specifier.startsWith("node:") || isBuiltin(specifier);

/** The file a local specifier names (from a page or module in `from`): as written, or its .ts source. */
function resolveLocal(from: string, specifier: string): string | null {
  const path = specifier.startsWith("/") ? join(SRC, specifier) : resolve(dirname(from), specifier);
  const candidates = [path, path.replace(/\.js$/, ".ts")];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/**
 * What a page reaches: every problem found following its imports, as
 * "page → … → module: problem" lines (none when the page is clean).
 */
function pageProblems(page: string, code: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = (from: string, imported: string[], trail: string) => {
    for (const specifier of imported) {
      if (isNode(specifier)) problems.push(`${trail}: imports the Node built-in ${specifier}`);
      if (!isLocal(specifier)) continue;
      const file = resolveLocal(from, specifier);
      if (file === null) {
        problems.push(`${trail}: ${specifier} does not resolve to a file`);
        continue;
      }
      const name = relative(ROOT, file).replaceAll("\\", "/");
      if (NODE_ONLY.test(name)) {
        problems.push(`${trail} → ${name}: Node-only code`);
        continue;
      }
      if (seen.has(file) || !/\.(ts|js)$/.test(file)) continue;
      seen.add(file);
      visit(file, specifiers(readFileSync(file, "utf8")), `${trail} → ${name}`);
    }
  };
  visit(page, specifiers(code), relative(ROOT, page));
  return problems;
}

describe("the pages' imports", () => {
  const all = pages();

  it("finds the pages and their fences", () => {
    expect(all.map((p) => relative(SRC, p))).toEqual(expect.arrayContaining(["index.md", "embed/network.md"]));
    const imported = all.flatMap((p) => jsFences(readFileSync(p, "utf8")).flatMap(specifiers));
    expect(imported.filter(isLocal).length).toBeGreaterThan(20);
  });

  it.each(all.map((p) => [relative(SRC, p), p]))("%s resolves, and reaches no Node-only code", (_name, page) => {
    const code = jsFences(readFileSync(page, "utf8")).join("\n");
    expect(pageProblems(page, code)).toEqual([]);
  });
});

describe("the check itself", () => {
  const page = join(SRC, "index.md");
  const markdown = [
    "# A page",
    '```js echo\nimport {database} from "./components/db.js";\n```',
    '```sql\nSELECT 1 -- import x from "node:fs" (not JavaScript)\n```',
    '```js\nconst fs = await import("node:fs");\nimport {x} from "./lib/pipeline/dataset.js";\nimport {y} from "./components/none.js";\n```',
  ].join("\n");

  it("reads only the JavaScript fences", () => {
    expect(jsFences(markdown).flatMap(specifiers)).toEqual([
      "./components/db.js",
      "node:fs",
      "./lib/pipeline/dataset.js",
      "./components/none.js",
    ]);
  });

  it("reports Node built-ins, Node-only code and missing files", () => {
    const problems = pageProblems(page, jsFences(markdown).join("\n"));
    expect(problems).toEqual([
      "src/index.md: imports the Node built-in node:fs",
      "src/index.md → src/lib/pipeline/dataset.ts: Node-only code",
      "src/index.md: ./components/none.js does not resolve to a file",
    ]);
  });

  it("follows the modules a page imports, and theirs", () => {
    const dir = mkdtempSync(join(tmpdir(), "aa-page-imports-"));
    try {
      writeFileSync(join(dir, "page.md"), "");
      writeFileSync(join(dir, "view.ts"), 'import type { Part } from "./part.js";\nexport const v = 1;\n');
      writeFileSync(join(dir, "part.ts"), 'import { readFileSync } from "node:fs";\nexport type Part = string;\n');
      const problems = pageProblems(join(dir, "page.md"), 'import {v} from "./view.js";');
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/page\.md → .*view\.ts → .*part\.ts: imports the Node built-in node:fs$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
