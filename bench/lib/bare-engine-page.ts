/**
 * The bare-engine reference page of `npm run bench:load`: a page that only
 * starts the DuckDB-WASM the built site ships (the same library module,
 * worker and .wasm files under dist/_node/@duckdb/…, the same way
 * src/components/db.ts starts them: a module worker, instantiate, connect)
 * and asks `select 42`, marking `duckdb:first-query` when the answer
 * arrives. What a page's first SQL answer cannot beat on the same server.
 *
 * It is never part of the site: the bench writes it into a temporary
 * folder the static server serves as an overlay (scripts/static-server.ts).
 *
 *     const overlay = writeBareEnginePage("dist");
 *     startStaticServer({ root: "dist", overlay: overlay.dir }); // page at overlay.path
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";

/** Where the page is served. */
export const BARE_ENGINE_PATH = "/__bench/bare-engine";

export interface EngineFiles {
  /** Site paths (from /) of the library module, the two workers and the two .wasm files. */
  library: string;
  ehWorker: string;
  ehWasm: string;
  mvpWorker: string;
  mvpWasm: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The DuckDB-WASM files in a built site, as site paths; throws when one is missing. */
export function engineFiles(dist: string): EngineFiles {
  const base = join(dist, "_node", "@duckdb");
  if (!existsSync(base)) throw new Error(`no DuckDB-WASM in ${dist} (${base} is missing)`);
  const paths = filesUnder(base).map((file) => `/${relative(dist, file).split(sep).join("/")}`);
  const find = (what: string, pattern: RegExp): string => {
    const found = paths.find((p) => pattern.test(p));
    if (!found) throw new Error(`no DuckDB-WASM ${what} under ${base}`);
    return found;
  };
  return {
    library: find("library module", /\/duckdb-wasm@[^/]+\/index\.[0-9a-f]+\.js$/),
    ehWorker: find("eh worker", /\/duckdb-browser-eh\.worker\.[0-9a-f]+\.js$/),
    ehWasm: find("eh wasm", /\/duckdb-eh\.wasm$/),
    mvpWorker: find("mvp worker", /\/duckdb-browser-mvp\.worker\.[0-9a-f]+\.js$/),
    mvpWasm: find("mvp wasm", /\/duckdb-mvp\.wasm$/),
  };
}

/** The page's HTML: one module script, nothing else fetched. */
export function bareEngineHtml(files: EngineFiles): string {
  const json = JSON.stringify;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bare DuckDB-WASM</title></head>
<body><p id="answer">starting…</p>
<script type="module">
import * as duckdb from ${json(files.library)};
const bundle = await duckdb.selectBundle({
  mvp: {mainModule: ${json(files.mvpWasm)}, mainWorker: ${json(files.mvpWorker)}},
  eh: {mainModule: ${json(files.ehWasm)}, mainWorker: ${json(files.ehWorker)}},
});
const worker = new Worker(new URL(bundle.mainWorker, location.href), {type: "module"});
const db = new duckdb.AsyncDuckDB(new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING), worker);
await db.instantiate(new URL(bundle.mainModule, location.href).href, bundle.pthreadWorker);
performance.mark("duckdb:instantiated");
const connection = await db.connect();
const result = await connection.query("select 42 as answer");
performance.mark("duckdb:first-query");
performance.mark("duckdb:ready");
document.getElementById("answer").textContent = String(result.getChild("answer").get(0));
</script></body></html>
`;
}

/** Writes the page into a new temporary folder; serve it as the static server's overlay. */
export function writeBareEnginePage(dist: string): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), "accord-bare-engine-"));
  const page = join(dir, ...BARE_ENGINE_PATH.slice(1).split("/"));
  mkdirSync(join(page, ".."), { recursive: true });
  writeFileSync(`${page}.html`, bareEngineHtml(engineFiles(dist)));
  return { dir, path: BARE_ENGINE_PATH };
}
