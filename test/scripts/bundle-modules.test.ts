import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  BUNDLE_DIR,
  bundlePages,
  declaresNoSideEffects,
  entryName,
  entrySource,
  isBundledPackage,
  pageModules,
  prunePackagePreloads,
  relativeImports,
  relocate,
  rewritePage,
} from "../../scripts/bundle-modules.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A page's script as Framework 1.13 writes it: cells import local modules with import(). */
function page(prefix: string, modules: string[]): string {
  const preloads = modules.map((m) => `<link rel="modulepreload" href="${prefix}_import/components/${m}">`).join("\n");
  const imports = modules.map((m) => `import("${prefix}_import/components/${m}")`).join(", ");
  return `<!DOCTYPE html>
<html>
<head>
<link rel="modulepreload" href="${prefix}_observablehq/client.js">
${preloads}
<link rel="modulepreload" href="${prefix}_node/lib@1.0.0/index.js">
<link rel="modulepreload" href="${prefix}_node/d3@7.0.0/index.js">
<link rel="modulepreload" href="${prefix}_node/d3-array@3.0.0/index.js">
<link rel="modulepreload" href="${prefix}_node/d3-unused@1.0.0/index.js">
</head>
<body>
<script type="module">
import {define} from "${prefix}_observablehq/client.js";
define({id: "1", body: async () => {
const [a, b] = await Promise.all([${imports}]);
return {a, b};
}});
</script>
</body>
</html>
`;
}

/**
 * A small built site (returned: its dist/, beside a node_modules/ with the
 * bundled packages' package.json): two pages share a module with state;
 * modules read import.meta and an npm package.
 */
function fakeDist(): string {
  const root = mkdtempSync(join(tmpdir(), "aa-bundle-"));
  dirs.push(root);
  const dist = join(root, "dist");
  const manifests: Record<string, object> = {
    d3: { version: "7.0.0", sideEffects: false },
    "d3-array": { version: "3.0.0", sideEffects: false },
    "d3-tables": { version: "1.0.0", sideEffects: false },
    // Says nothing: its top-level code is kept where a module imports it.
    "d3-effect": { version: "1.0.0" },
  };
  for (const [name, manifest] of Object.entries(manifests)) {
    mkdirSync(join(root, "node_modules", name), { recursive: true });
    writeFileSync(join(root, "node_modules", name, "package.json"), JSON.stringify(manifest));
  }
  const files: Record<string, string> = {
    "_observablehq/client.js": "export function define() {}\n",
    "_node/lib@1.0.0/index.js": "export const answer = 42;\n",
    // A bundled package split as Framework writes d3: one file per package, only `sum` used.
    "_node/d3@7.0.0/index.js": [
      'export * from "../d3-array@3.0.0/index.js";',
      'export * from "../d3-unused@1.0.0/index.js";',
      'export * from "../d3-tables@1.0.0/index.js";',
      'export * from "../d3-effect@1.0.0/index.js";',
      "",
    ].join("\n"),
    "_node/d3-array@3.0.0/index.js":
      "export function sum(values) { let s = 0; for (const v of values) s += v; return s; }\nexport const UNUSED_MARKER = 'd3-array-unused';\n",
    "_node/d3-unused@1.0.0/index.js": "export const neverCalled = () => 'd3-unused-marker';\n",
    // Top-level calls: as d3-geo's tables in a package nothing uses, which says it has no side effects; as
    // d3-transition's additions to d3-selection in one imported for them, which does not say.
    "_node/d3-tables@1.0.0/index.js":
      "function table() { return ['d3-tables-marker']; }\nexport const tables = table();\n",
    "_node/d3-effect@1.0.0/index.js":
      "function register() { globalThis.d3Effect = 'd3-effect-marker'; }\nregister();\nexport const effect = 1;\n",
    "_import/components/counter.11111111.js": "let n = 0;\nexport function count() { n += 1; return n; }\n",
    "_import/components/a.22222222.js": [
      'import {answer} from "../../_node/lib@1.0.0/index.js";',
      'import {count} from "./counter.11111111.js";',
      'import {sum} from "../../_node/d3@7.0.0/index.js";',
      'import "../../_node/d3-effect@1.0.0/index.js";',
      "export const fromPackage = answer;",
      "export const total = sum([1, 2, 3]);",
      'export const fileUrl = new URL("../../_file/data/x.json", import.meta.url).href;',
      'export const wasmUrl = import.meta.resolve("../../_node/lib@1.0.0/engine.wasm");',
      "export function countA() { return count(); }",
      "",
    ].join("\n"),
    "_import/components/b.33333333.js": [
      'import {count} from "./counter.11111111.js";',
      "export function countB() { return count(); }",
      'export async function later() { return (await import("./lazy.44444444.js")).lazy; }',
      "",
    ].join("\n"),
    "_import/components/lazy.44444444.js": 'export const lazy = "loaded on demand";\n',
    "index.html": page("./", ["a.22222222.js", "b.33333333.js"]),
    "embed/b.html": page("../", ["b.33333333.js"]),
    "404.html": "<!DOCTYPE html><html><head></head><body>Not found</body></html>\n",
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  return dist;
}

/** The bundle file a rewritten page imports, relative to the page. */
function bundleOf(html: string): string {
  const match = /import\("([^"]+)"\)\.then\(\(bundle\) => bundle\.m\d+\)/.exec(html);
  if (!match) throw new Error("the page imports no bundle");
  return match[1];
}

describe("the local modules a page imports", () => {
  it("are read from the page's import() calls, relative to dist/, once each and sorted", () => {
    const html = page("../", ["b.33333333.js", "a.22222222.js", "b.33333333.js"]);
    expect(pageModules("embed/b.html", html)).toEqual([
      "_import/components/a.22222222.js",
      "_import/components/b.33333333.js",
    ]);
    expect(pageModules("404.html", "<html><head></head></html>")).toEqual([]);
  });

  it("refuse a static import of a local module, which the bundle could not stand in for", () => {
    const html = '<script type="module">import {x} from "./_import/components/x.1.js";</script>';
    expect(() => pageModules("index.html", html)).toThrow(
      /index\.html imports \.\/_import\/components\/x\.1\.js statically/,
    );
  });

  it("each get a key in the page's entry module", () => {
    expect(entryName("embed/network.html")).toBe("embed-network");
    expect(entrySource(["_import/a.js", "_import/b.js"])).toBe(
      'export * as m0 from "./_import/a.js";\nexport * as m1 from "./_import/b.js";\n',
    );
  });
});

describe("the relative paths a module imports", () => {
  const code = `import { a } from "./a.js";\nexport * from "../b.js";\nimport "./c.js";\nconst d = () => import("./d.js");\nimport x from "npm:x";`;

  it("are its static imports and re-exports, and with dynamic its import() calls too", () => {
    expect(relativeImports(code)).toEqual(["./a.js", "../b.js", "./c.js"]);
    expect(relativeImports(code, { dynamic: true })).toEqual(["./a.js", "../b.js", "./c.js", "./d.js"]);
  });
});

describe("a module moved into a bundle", () => {
  it("keeps its own URL for import.meta.url and import.meta.resolve()", () => {
    const code =
      'const f = new URL("../../_file/x.json", import.meta.url);\nconst w = import.meta.resolve("./w.js");\n';
    const moved = relocate(code, "_import/components/db.1.js");
    expect(moved).not.toContain("import.meta.resolve");
    expect(moved.split("\n")[0]).toBe(
      'const __accordModuleUrl = new URL("../components/db.1.js", import.meta.url).href;',
    );
    expect(moved).toContain('new URL("../../_file/x.json", __accordModuleUrl)');
    expect(relocate("export const x = 1;\n", "_import/x.js")).toBe("export const x = 1;\n");
  });

  it("is refused when it reads import.meta otherwise", () => {
    expect(() => relocate("const env = import.meta.env;", "_import/x.js")).toThrow(/_import\/x\.js uses import\.meta/);
  });
});

describe("a rewritten page", () => {
  it("imports each module from its bundle by key and preloads the bundle's files instead of the modules", () => {
    const html = page("../", ["a.22222222.js", "b.33333333.js"]);
    const modules = pageModules("embed/b.html", html);
    const next = rewritePage("embed/b.html", html, modules, `${BUNDLE_DIR}/embed-b.X.js`, [
      `${BUNDLE_DIR}/embed-b.X.js`,
      `${BUNDLE_DIR}/shared.Y.js`,
    ]);
    expect(next).toContain(
      'Promise.all([import("../_import/_pages/embed-b.X.js").then((bundle) => bundle.m0), import("../_import/_pages/embed-b.X.js").then((bundle) => bundle.m1)])',
    );
    expect(next).not.toContain("_import/components/");
    const preloads = [...next.matchAll(/modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
    expect(preloads).toEqual([
      "../_observablehq/client.js",
      "../_import/_pages/embed-b.X.js",
      "../_import/_pages/shared.Y.js",
      "../_node/lib@1.0.0/index.js",
      // Left to prunePackagePreloads, which reads the packages' files.
      "../_node/d3@7.0.0/index.js",
      "../_node/d3-array@3.0.0/index.js",
      "../_node/d3-unused@1.0.0/index.js",
    ]);
  });
});

describe("the preloads of bundled npm packages", () => {
  it("names the bundled packages by their folder under _node", () => {
    expect(isBundledPackage("_node/d3@7.9.2/index.c8f1bfbe.js")).toBe(true);
    expect(isBundledPackage("_node/d3-array@3.2.5/index.8fbc5974.js")).toBe(true);
    expect(isBundledPackage("_node/@observablehq/plot@0.6.17/index.f66f3cd7.js")).toBe(true);
    expect(isBundledPackage("_node/@duckdb/duckdb-wasm@1.32.0/index.e8ca9772.js")).toBe(false);
    expect(isBundledPackage("_node/apache-arrow@17.0.0/index.81d47b7d.js")).toBe(false);
    expect(isBundledPackage("_node/@observablehq/inputs@0.12.0/index.4eed0a6e.js")).toBe(false);
    expect(isBundledPackage("_import/components/d3@7.js")).toBe(false);
  });

  it("are dropped unless a package left outside the bundle still imports them", () => {
    const html = [
      '<link rel="modulepreload" href="../_node/outside@1.0.0/index.js">',
      '<link rel="modulepreload" href="../_node/d3@7.0.0/index.js">',
      '<link rel="modulepreload" href="../_node/isoformat@0.2.1/index.js">',
      "",
    ].join("\n");
    const code: Record<string, string> = {
      "_node/outside@1.0.0/index.js": 'import{format}from"../isoformat@0.2.1/index.js";export const x=format;',
      "_node/isoformat@0.2.1/index.js": "export function format(){}",
    };
    const read = (file: string) => {
      if (!(file in code)) throw new Error(`read ${file}, which only a bundled package imports`);
      return code[file];
    };
    expect(prunePackagePreloads("embed/x.html", html, read)).toBe(
      [
        '<link rel="modulepreload" href="../_node/outside@1.0.0/index.js">',
        '<link rel="modulepreload" href="../_node/isoformat@0.2.1/index.js">',
        "",
      ].join("\n"),
    );
  });
});

/** The node_modules/ beside a fakeDist(). */
const nodeModulesOf = (dist: string) => join(dist, "..", "node_modules");

describe("a bundled package's side effects", () => {
  const manifests: Record<string, string> = {
    "d3-geo": '{"version": "3.1.2", "sideEffects": false}',
    "d3-transition": '{"version": "3.0.2", "sideEffects": true}',
    "@observablehq/plot": '{"version": "0.6.17", "sideEffects": ["./src/index.js"]}',
    "d3-zoom": '{"version": "3.0.1"}',
  };
  const read = (name: string) => manifests[name];

  it("are none only where its own package.json says so, for the version Framework copied", () => {
    expect(declaresNoSideEffects("_node/d3-geo@3.1.2/index.dcf4bb71.js", read)).toBe(true);
    expect(declaresNoSideEffects("_node/d3-geo@3.1.1/index.dcf4bb71.js", read)).toBe(false);
    expect(declaresNoSideEffects("_node/d3-transition@3.0.2/index.96e34de7.js", read)).toBe(false);
    expect(declaresNoSideEffects("_node/@observablehq/plot@0.6.17/index.f66f3cd7.js", read)).toBe(false);
    expect(declaresNoSideEffects("_node/d3-zoom@3.0.1/index.65de6a8b.js", read)).toBe(false);
    expect(declaresNoSideEffects("_node/d3-array@3.2.5/index.8fbc5974.js", read)).toBe(false);
  });

  it("are never taken as none for a package that is not bundled", () => {
    const duckdb = () => '{"version": "1.32.0", "sideEffects": false}';
    expect(declaresNoSideEffects("_node/@duckdb/duckdb-wasm@1.32.0/index.e8ca9772.js", duckdb)).toBe(false);
  });
});

describe("bundlePages on a built site", async () => {
  const dist = fakeDist();
  const summary = await bundlePages(dist, nodeModulesOf(dist));
  const index = readFileSync(join(dist, "index.html"), "utf8");
  const embed = readFileSync(join(dist, "embed/b.html"), "utf8");

  it("bundles every module a page reaches and leaves pages without modules alone", () => {
    expect(summary).toMatchObject({ pages: 2, modules: 4 });
    // d3's index and the one file of it the module reaches (d3-unused is tree-shaken out).
    expect(summary.packageFiles).toBeGreaterThanOrEqual(2);
    expect(readdirSync(join(dist, BUNDLE_DIR))).toHaveLength(summary.files);
    expect(index).not.toContain("_import/components/");
    expect(embed).not.toContain("_import/components/");
    expect(readFileSync(join(dist, "404.html"), "utf8")).not.toContain("_import");
    // The bundled package is in the bundle, tree-shaken, and no longer preloaded; the other stays outside.
    expect(index).not.toContain("_node/d3");
    expect(index).toContain('href="./_node/lib@1.0.0/index.js"');
    const bundled = readdirSync(join(dist, BUNDLE_DIR))
      .map((name) => readFileSync(join(dist, BUNDLE_DIR, name), "utf8"))
      .join("\n");
    expect(bundled).toContain("function sum(");
    expect(bundled).not.toContain("d3-unused-marker");
    // A package that says it has no side effects goes when nothing of it is used; one imported for its effect stays.
    expect(bundled).not.toContain("d3-tables-marker");
    expect(bundled).toContain("d3-effect-marker");
    expect(bundled).not.toMatch(/(from|import)\s*"[^"]*_node\/d3/);
    for (const [html, base] of [
      [index, dist],
      [embed, join(dist, "embed")],
    ]) {
      for (const [, href] of html.matchAll(/modulepreload" href="([^"]+)"/g)) {
        expect(() => readFileSync(join(base, href)), href).not.toThrow();
      }
    }
  });

  it("gives each page the same exports, one instance of a shared module, and the modules' own URLs", async () => {
    const indexBundle = await import(pathToFileURL(join(dist, bundleOf(index))).href);
    const embedBundle = await import(pathToFileURL(join(dist, "embed", bundleOf(embed))).href);
    const [a, b] = [indexBundle.m0, indexBundle.m1];
    expect(a.fromPackage).toBe(42);
    expect(a.total).toBe(6);
    expect(a.fileUrl).toBe(pathToFileURL(join(dist, "_file/data/x.json")).href);
    expect(a.wasmUrl).toBe(pathToFileURL(join(dist, "_node/lib@1.0.0/engine.wasm")).href);
    expect([a.countA(), b.countB(), embedBundle.m0.countB()]).toEqual([1, 2, 3]);
    expect(await b.later()).toBe("loaded on demand");
  });

  it("writes the same files from the same site", async () => {
    const again = fakeDist();
    await bundlePages(again, nodeModulesOf(again));
    const files = (root: string) =>
      readdirSync(join(root, BUNDLE_DIR))
        .sort()
        .map((name) => [name, readFileSync(join(root, BUNDLE_DIR, name), "utf8")]);
    expect(files(again)).toEqual(files(dist));
    expect(readFileSync(join(again, "index.html"), "utf8")).toBe(index);
  });
});
