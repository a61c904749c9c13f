/**
 * One bundle of local modules per built page. Framework 1.13 writes each
 * local module a page imports (src/components, src/lib) as its own file under
 * dist/_import/ and has the page preload all of them: the network page asked
 * for about 40 such files before its first chart, and over HTTP/1.1 (six
 * connections a host) the page's own data files queued behind them.
 * `npm run build` (scripts/build.ts) therefore bundles, after Framework and
 * before the Content-Security-Policy, the modules each page imports into one
 * file under dist/_import/_pages/ (esbuild, code two pages share split into
 * shared chunks, so a module is one instance on a page as before), and points
 * the page's imports and preloads at it. Framework's client, the data files
 * and most npm packages (dist/_node) stay where Framework put them; a module that
 * reads import.meta (a FileAttachment, a worker's URL) still sees the URL of
 * its own file, which stays in dist/_import/ along with the rest (the exported
 * modules, dist/embed/*.js, still import them).
 *
 * A few npm packages are bundled in with the local modules (BUNDLED_PACKAGES):
 * d3 is one file per d3 package in Framework's build, 31 requests before any
 * chart, of which a page uses a few functions; bundled, esbuild keeps only
 * what the page's code reaches (and, of a package whose package.json says it
 * has no side effects, nothing it does not reach: declaresNoSideEffects).
 * Their preloads are dropped from a page unless a package left outside still
 * imports them. Packages whose objects cross
 * into other packages (DuckDB-WASM and its Arrow, CodeMirror's parts,
 * Framework's Inputs) stay as Framework wrote them: a second copy of a class
 * would break `instanceof` between them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, posix, relative, resolve, sep } from "node:path";
import { build, type Metafile, type Plugin } from "esbuild";
import { builtPages } from "./built-pages.js";

/** Where the bundles go, relative to dist/. */
export const BUNDLE_DIR = "_import/_pages";

/** A dynamic import of a local module in a page's script, as Framework writes it. */
const LOCAL_IMPORT = /\bimport\("((?:\.\.?\/)+_import\/[^"]+\.js)"\)/g;
/** A static import of a local module (Framework does not write these in pages; refused if it ever does). */
const STATIC_LOCAL_IMPORT = /\bfrom\s*"((?:\.\.?\/)+_import\/[^"]+\.js)"/;
/** A preload of a local module. */
const LOCAL_PRELOAD = /<link rel="modulepreload" href="((?:\.\.?\/)+_import\/[^"]+\.js)">\n?/g;
/**
 * npm packages bundled with the pages' local modules: libraries of plain
 * functions, used by our modules (and Plot by ours only), whose objects are
 * never checked against another copy's classes.
 */
export const BUNDLED_PACKAGES: readonly RegExp[] = [
  /^d3(-[a-z-]+)?@/,
  /^@observablehq\/plot@/,
  /^interval-tree-1d@/,
  /^binary-search-bounds@/,
  /^isoformat@/,
  /^yaml@/,
  /^zod@/,
];

/** Whether a file under dist/ (a path relative to it) belongs to a bundled npm package. */
export function isBundledPackage(file: string): boolean {
  const match = /^_node\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  return match !== null && BUNDLED_PACKAGES.some((pattern) => pattern.test(match[1]));
}

/**
 * Whether a bundled package's file may be left out when nothing of it is used:
 * its package says so (`"sideEffects": false` in its package.json, which
 * `packageJson` reads by name), and the version installed is the one Framework
 * copied. Framework's copy is one file per package and drops that field, so
 * without it esbuild kept every d3 package's top-level tables and objects (d3-geo,
 * d3-contour, d3-chord… on every chart page). Packages that declare effects
 * (d3-transition adds `selection.transition`), a list of files, or nothing keep
 * esbuild's default: kept where a module imports them, but not where only a
 * package free of side effects re-exports them (d3's index), so a module that
 * needs such an effect imports the package itself.
 */
export function declaresNoSideEffects(file: string, packageJson: (name: string) => string | undefined): boolean {
  const match = /^_node\/((?:@[^/]+\/)?[^/@]+)@([^/]+)\//.exec(file);
  if (!match || !isBundledPackage(file)) return false;
  const text = packageJson(match[1]);
  if (text === undefined) return false;
  const manifest = JSON.parse(text) as { version?: unknown; sideEffects?: unknown };
  return manifest.version === match[2] && manifest.sideEffects === false;
}

/** A package.json under a node_modules folder, by package name (read once); undefined when absent. */
export function packageJsonReader(nodeModules: string): (name: string) => string | undefined {
  const read = new Map<string, string | undefined>();
  return (name) => {
    if (!read.has(name)) {
      try {
        read.set(name, readFileSync(join(nodeModules, name, "package.json"), "utf8"));
      } catch {
        read.set(name, undefined);
      }
    }
    return read.get(name);
  };
}

/** The virtual entry module of a page. */
const ENTRY_NAMESPACE = "accord-page";

/** The local modules a page imports, as paths relative to dist/ (sorted, once each). */
export function pageModules(pagePath: string, html: string): string[] {
  const pageDir = posix.dirname(pagePath);
  const staticImport = STATIC_LOCAL_IMPORT.exec(html);
  if (staticImport) {
    throw new Error(`${pagePath} imports ${staticImport[1]} statically; only import() of local modules is bundled`);
  }
  const modules = new Set<string>();
  for (const match of html.matchAll(LOCAL_IMPORT)) modules.add(posix.join(pageDir, match[1]));
  return [...modules].sort();
}

/** The bundle's name for a page: "network" for network.html, "embed-network" for embed/network.html. */
export function entryName(pagePath: string): string {
  return pagePath.replace(/\.html$/, "").replaceAll("/", "-");
}

/** The key a module's exports get in its page's bundle: m0, m1, … in the order of `modules`. */
export function moduleKey(modules: readonly string[], module: string): string {
  const index = modules.indexOf(module);
  if (index < 0) throw new Error(`${module} is not one of the page's modules`);
  return `m${index}`;
}

/** The entry module of a page's bundle: each of its modules' exports under its key. */
export function entrySource(modules: readonly string[]): string {
  return modules.map((module, i) => `export * as m${i} from ${JSON.stringify(`./${module}`)};\n`).join("");
}

/** A path from one file's folder to another file, both relative to dist/, as an import writes it. */
export function relativeUrl(fromFile: string, toFile: string): string {
  const path = posix.relative(posix.dirname(fromFile), toFile);
  return path.startsWith(".") ? path : `./${path}`;
}

/**
 * A module's code as it must read once bundled into dist/_import/_pages/:
 * import.meta.url and import.meta.resolve() answer for the module's own file
 * (FileAttachments and worker URLs are relative to it). Any other use of
 * import.meta is refused.
 */
export function relocate(code: string, module: string): string {
  if (!code.includes("import.meta")) return code;
  const own = relativeUrl(`${BUNDLE_DIR}/bundle.js`, module);
  const body = code
    .replaceAll("import.meta.url", "__accordModuleUrl")
    .replaceAll("import.meta.resolve(", "((specifier) => new URL(specifier, __accordModuleUrl).href)(");
  if (body.includes("import.meta")) throw new Error(`${module} uses import.meta in a way the page bundle cannot keep`);
  return `const __accordModuleUrl = new URL(${JSON.stringify(own)}, import.meta.url).href;\n${body}`;
}

/**
 * The page with its local modules read from its bundle: each import() of a
 * module becomes the bundle's import and the module's key, and the preloads
 * of the modules give way to the bundle's files (`preloads`, relative to dist/).
 */
export function rewritePage(
  pagePath: string,
  html: string,
  modules: readonly string[],
  bundle: string,
  preloads: readonly string[],
): string {
  const pageDir = posix.dirname(pagePath);
  const bundleUrl = JSON.stringify(relativeUrl(pagePath, bundle));
  const imported = html.replace(LOCAL_IMPORT, (_, url: string) => {
    const key = moduleKey(modules, posix.join(pageDir, url));
    return `import(${bundleUrl}).then((bundle) => bundle.${key})`;
  });
  const links = preloads.map((file) => `<link rel="modulepreload" href="${relativeUrl(pagePath, file)}">\n`).join("");
  let placed = false;
  const preloaded = imported.replace(LOCAL_PRELOAD, () => {
    if (placed) return "";
    placed = true;
    return links;
  });
  return placed ? preloaded : preloaded.replace(/<\/head>/i, `${links}</head>`);
}

/** A preload of a file of an npm package. */
const PACKAGE_PRELOAD = /<link rel="modulepreload" href="((?:\.\.?\/)+_node\/[^"]+\.js)">\n?/g;
/** A static import or re-export of a relative path in a module's code (`from "…"`, `import "…"`). */
const STATIC_RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.\.?\/[^"']+\.js)["']/g;
/** The same, or an `import("…")` of one. */
const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["'](\.\.?\/[^"']+\.js)["']/g;

/**
 * The relative paths a module's code (or a page's scripts) imports, in order:
 * its static imports and re-exports, and with `dynamic` its `import("…")`s too.
 */
export function relativeImports(code: string, { dynamic = false } = {}): string[] {
  return [...code.matchAll(dynamic ? RELATIVE_IMPORT : STATIC_RELATIVE_IMPORT)].map((match) => match[1]);
}

/**
 * The page without the preloads of bundled packages' files that nothing left
 * outside the bundles imports: the npm files it still preloads, followed
 * through their static imports (`read` gives a file's code, by its path
 * relative to dist/), keep the files they reach.
 */
export function prunePackagePreloads(pagePath: string, html: string, read: (file: string) => string): string {
  const pageDir = posix.dirname(pagePath);
  const preloaded = [...html.matchAll(PACKAGE_PRELOAD)].map((match) => posix.join(pageDir, match[1]));
  const reached = new Set(preloaded.filter((file) => !isBundledPackage(file)));
  const queue = [...reached];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const path of relativeImports(read(file))) {
      const imported = posix.join(posix.dirname(file), path);
      if (reached.has(imported)) continue;
      reached.add(imported);
      queue.push(imported);
    }
  }
  return html.replace(PACKAGE_PRELOAD, (link, href: string) => {
    const file = posix.join(pageDir, href);
    return isBundledPackage(file) && !reached.has(file) ? "" : link;
  });
}

/** An output's own file and the bundle files it imports statically, all of them (relative to dist/). */
export function staticClosure(metafile: Metafile, output: string): string[] {
  const seen = new Set<string>([output]);
  const queue = [output];
  while (queue.length > 0) {
    const next = metafile.outputs[queue.shift() as string];
    for (const imported of next?.imports ?? []) {
      if (imported.kind !== "import-statement" || imported.external || seen.has(imported.path)) continue;
      seen.add(imported.path);
      queue.push(imported.path);
    }
  }
  return [...seen];
}

/** esbuild's resolution: pages' entries are virtual; what lies outside dist/_import stays external. */
function distPlugin(
  dist: string,
  entries: ReadonlyMap<string, readonly string[]>,
  packageJson: (name: string) => string | undefined,
): Plugin {
  const localRoot = join(dist, "_import") + sep;
  const outDir = join(dist, BUNDLE_DIR);
  return {
    name: "accord-page-bundles",
    setup(onBuild) {
      onBuild.onResolve({ filter: new RegExp(`^${ENTRY_NAMESPACE}:`) }, (args) => ({
        path: args.path.slice(ENTRY_NAMESPACE.length + 1),
        namespace: ENTRY_NAMESPACE,
      }));
      onBuild.onLoad({ filter: /.*/, namespace: ENTRY_NAMESPACE }, (args) => ({
        contents: entrySource(entries.get(args.path) ?? []),
        resolveDir: dist,
        loader: "js",
      }));
      onBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
        const path = resolve(args.resolveDir, args.path);
        if (path.startsWith(localRoot)) return { path };
        const file = relative(dist, path).split(sep).join("/");
        if (isBundledPackage(file))
          return declaresNoSideEffects(file, packageJson) ? { path, sideEffects: false } : { path };
        return { path: relative(outDir, path).split(sep).join("/"), external: true };
      });
      onBuild.onLoad({ filter: /\.js$/ }, (args) => ({
        contents: relocate(readFileSync(args.path, "utf8"), relative(dist, args.path).split(sep).join("/")),
        loader: "js",
      }));
    },
  };
}

/** What bundling did: pages rewritten, local modules bundled (once each), bundle files written. */
export interface BundleSummary {
  pages: number;
  modules: number;
  /** Files of npm packages bundled in (BUNDLED_PACKAGES). */
  packageFiles: number;
  files: number;
}

/**
 * Bundles each built page's local modules under dist/_import/_pages and rewrites
 * the pages to use them; `nodeModules` has the bundled packages' package.json.
 */
export async function bundlePages(distDir: string, nodeModules = "node_modules"): Promise<BundleSummary> {
  const dist = resolve(distDir);
  const pages = new Map<string, { path: string; html: string; modules: string[] }>();
  for (const path of builtPages(dist)) {
    const html = readFileSync(join(dist, path), "utf8");
    const modules = pageModules(path, html);
    if (modules.length > 0) pages.set(entryName(path), { path, html, modules });
  }
  if (pages.size === 0) return { pages: 0, modules: 0, packageFiles: 0, files: 0 };
  const entries = new Map([...pages].map(([name, page]) => [name, page.modules]));
  const result = await build({
    absWorkingDir: dist,
    entryPoints: [...pages.keys()].map((name) => ({ in: `${ENTRY_NAMESPACE}:${name}`, out: name })),
    bundle: true,
    splitting: true,
    format: "esm",
    target: "esnext",
    charset: "utf8",
    outdir: join(dist, BUNDLE_DIR),
    entryNames: "[name].[hash]",
    chunkNames: "shared.[hash]",
    metafile: true,
    logLevel: "silent",
    plugins: [distPlugin(dist, entries, packageJsonReader(resolve(nodeModules)))],
  });
  const outputs = Object.entries(result.metafile.outputs);
  for (const [name, page] of pages) {
    const bundle = outputs.find(([, output]) => output.entryPoint === `${ENTRY_NAMESPACE}:${name}`)?.[0];
    if (!bundle) throw new Error(`no bundle was written for ${page.path}`);
    const next = rewritePage(page.path, page.html, page.modules, bundle, staticClosure(result.metafile, bundle));
    writeFileSync(
      join(dist, page.path),
      prunePackagePreloads(page.path, next, (file) => readFileSync(join(dist, file), "utf8")),
    );
  }
  const inputs = outputs.flatMap(([, output]) => Object.keys(output.inputs));
  const files = new Set(inputs.filter((input) => !input.startsWith(`${ENTRY_NAMESPACE}:`)));
  const packageFiles = [...files].filter((input) => input.startsWith("_node/")).length;
  return { pages: pages.size, modules: files.size - packageFiles, packageFiles, files: outputs.length };
}
