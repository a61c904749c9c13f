/**
 * Prepares DuckDB-WASM's start before a page's own modules run. `npm run build`
 * (scripts/build.ts) writes a small inline script at the top of the <head>
 * (after its charset) of every built page that imports DuckDB-WASM (pageImportsDuckdb: its
 * modules reach `_node/@duckdb/duckdb-wasm@…/index.….js`, statically or
 * through `import()`); pages that never query
 * (/present, /draft) do not get it and download no engine.
 *
 * The script leaves a `start()` (src/lib/model/early-engine.ts) that the
 * page's database (src/components/db.ts) calls when it first needs the
 * engine or the page has drawn its first chart, whichever is first (on
 * pages with no chart before their first answer, ENGINE_FIRST_PAGES, the
 * script starts it at once); until
 * 6 Dec 2026 it started at once, and the .wasm's download and compile made
 * every first chart 70–160 ms later (docs/performance.md). `start()`
 * starts a compiler: a worker of its own from a blob: URL (COMPILER_SOURCE;
 * no request to wait for) that fetches the .wasm without credentials
 * (connections of its own: a worker's fetch of it waited behind the page's
 * 60–80 module requests for Chromium's six connections to the host) and
 * compiles it as its bytes arrive, on its own thread. Until the night of
 * 6 Dec 2026 the page fetched the .wasm and handed its stream to the
 * engine's worker (a transferred stream is fed from the page's busy main
 * thread, chunk by chunk), and DuckDB began to compile only once its own
 * 0.75 MB script had run (docs/performance.md,
 * "The .wasm compiled in a worker of its own"). `start()` also starts the
 * engine's worker (a copy of the file the page would start, beside it, with
 * handoverPrelude before DuckDB's code: writeEarlyWorker), asks it to
 * instantiate, and hands it the compiled module; DuckDB instantiates that
 * module instead of compiling the .wasm again. The page's database takes
 * the worker over (src/components/early-engine.ts) instead of starting one.
 * Only browsers with WebAssembly exception handling (DuckDB's "eh" build,
 * every current browser) start early; others start as before. The script
 * runs before the Content-Security-Policy step, which allows it by hash
 * (scripts/csp.ts); the compiler's blob: worker is allowed by `worker-src`.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, posix, relative, sep } from "node:path";
import {
  EARLY_COMPILED_MARK,
  EARLY_ENGINE_GLOBAL,
  EARLY_ENGINE_MARK,
  EARLY_INSTANTIATE_ID,
} from "../src/lib/model/early-engine.js";
import { builtPages } from "./built-pages.js";
import { relativeImports } from "./bundle-modules.js";

/** Framework's modulepreload of DuckDB-WASM's library module in a page that imports it statically. */
const IMPORTS_DUCKDB =
  /<link rel="modulepreload" href="[^"]*_node\/@duckdb\/duckdb-wasm@[^"/]+\/index\.[0-9a-f]+\.js">/;
/** DuckDB-WASM's library module, by its path relative to dist/. */
const DUCKDB_MODULE = /^_node\/@duckdb\/duckdb-wasm@[^/]+\/index\.[0-9a-f]+\.js$/;

/**
 * Whether the page at `page` (relative to dist/) imports DuckDB-WASM: a
 * modulepreload of it (a static import, as Framework writes it), or its
 * modules reach it through their imports, static or `import()` (the
 * database imports the engine's start only when it starts:
 * src/components/engine-start.ts). `read` gives a file's code by its path
 * relative to dist/, undefined for none.
 */
export function pageImportsDuckdb(html: string, page: string, read: (file: string) => string | undefined): boolean {
  if (IMPORTS_DUCKDB.test(html)) return true;
  const seen = new Set<string>();
  const queue: { code: string; dir: string }[] = [{ code: html, dir: posix.dirname(page) }];
  while (queue.length > 0) {
    const { code, dir } = queue.shift() as { code: string; dir: string };
    for (const path of relativeImports(code, { dynamic: true })) {
      const file = posix.join(dir, path);
      if (DUCKDB_MODULE.test(file)) return true;
      if (seen.has(file)) continue;
      seen.add(file);
      const next = read(file);
      if (next !== undefined) queue.push({ code: next, dir: posix.dirname(file) });
    }
  }
  return false;
}
const MARKER = "data-early-engine";

/**
 * A module with one function whose body is `try catch_all end`: valid only
 * where WebAssembly exception handling is, which DuckDB's "eh" build needs.
 */
const EXCEPTIONS_PROBE = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11,
];

/** The key of the message that hands the worker the compiled .wasm (a WebAssembly.Module), or null: fetch it yourself. */
export const WASM_HANDOVER = "accordEarlyWasm";

/** What the compiler posts, at most every PROGRESS_MS, while the .wasm's bytes arrive. */
export const COMPILER_PROGRESS = "progress";
const PROGRESS_MS = 250;

/**
 * The compiler's script: a classic worker the head script starts from a
 * blob: URL. Sent the .wasm's URL, it fetches it without credentials and
 * compiles it as its bytes arrive (WebAssembly.compileStreaming), posting
 * COMPILER_PROGRESS while they do; then it posts the compiled module, or
 * null when the answer is not the .wasm (an error, a redirect, as to the
 * login page of a host that wants cookies, or another type) or does not
 * compile: DuckDB then fetches and compiles the .wasm itself, as before.
 */
export const COMPILER_SOURCE = `self.onmessage = async (event) => {
  try {
    const response = await fetch(event.data, {credentials: "omit", priority: "high"});
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok || response.redirected || !response.body || !/wasm/.test(type)) throw new Error("not the .wasm");
    let reported = 0;
    const counted = response.body.pipeThrough(new TransformStream({
      transform(chunk, out) {
        const now = Date.now();
        if (now - reported >= ${PROGRESS_MS}) {
          reported = now;
          self.postMessage(${JSON.stringify(COMPILER_PROGRESS)});
        }
        out.enqueue(chunk);
      },
    }));
    self.postMessage(await WebAssembly.compileStreaming(new Response(counted, {headers: {"Content-Type": "application/wasm"}})));
  } catch {
    self.postMessage(null);
  }
};`;

/**
 * Put before DuckDB-WASM's worker script in the copy the head script starts
 * (earlyWorkerSource). DuckDB's one fetch of the .wasm (`wasmName`, beside
 * the worker) waits for the handover (WASM_HANDOVER); with a compiled module
 * it is answered with no bytes, and DuckDB's `instantiateStreaming` of that
 * answer instantiates the module instead. Without one (the compiler could
 * not) DuckDB fetches and compiles the .wasm itself, as before. It runs
 * before DuckDB's code installs its message handler, so its listener sees
 * the handover first and keeps it from DuckDB.
 */
export function handoverPrelude(wasmName: string): string {
  const key = JSON.stringify(WASM_HANDOVER);
  return `{
const wasmUrl = new URL(${JSON.stringify(`./${wasmName}`)}, import.meta.url).href;
const wasmApi = self.WebAssembly;
let handOver;
const handed = new Promise((resolve) => { handOver = resolve; });
addEventListener("message", (event) => {
  const data = event.data;
  if (!data || typeof data !== "object" || !(${key} in data)) return;
  event.stopImmediatePropagation();
  handOver(data[${key}]);
});
if (typeof wasmApi.instantiateStreaming === "function") {
  let compiled = null;
  let served = false;
  const nativeFetch = self.fetch.bind(self);
  self.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!served && url === wasmUrl) {
      served = true;
      compiled = await handed;
      if (compiled) return new Response(new Uint8Array(0), {headers: {"Content-Type": "application/wasm"}});
    }
    return nativeFetch(input, init);
  };
  const nativeInstantiate = wasmApi.instantiateStreaming.bind(wasmApi);
  wasmApi.instantiateStreaming = async (source, imports) => {
    const response = await source;
    if (!compiled) return nativeInstantiate(response, imports);
    const module = compiled;
    compiled = null;
    return {module, instance: await wasmApi.instantiate(module, imports)};
  };
}
}
`;
}

/** The worker the head script starts: DuckDB-WASM's own, after handoverPrelude. */
export function earlyWorkerSource(workerSource: string, wasmName: string): string {
  return handoverPrelude(wasmName) + workerSource;
}

/**
 * Pages whose first content is an answer from the engine, with no chart
 * drawn from the build before it: the head starts the engine at once
 * (a tenth to a fifth of a second sooner than their modules would ask).
 */
export const ENGINE_FIRST_PAGES: ReadonlySet<string> = new Set(["sql.html", "data.html"]);

/**
 * The inline script, for a worker and .wasm given relative to the page;
 * with `atOnce` it starts the engine itself, else the page does.
 */
export function earlyEngineScript(
  workerPath: string,
  wasmPath: string,
  startPath = workerPath,
  atOnce = false,
): string {
  const json = JSON.stringify;
  return `(() => {
  try {
    if (!WebAssembly.validate(new Uint8Array(${json(EXCEPTIONS_PROBE)}))) return;
    const workerUrl = new URL(${json(workerPath)}, document.baseURI).href;
    const wasmUrl = new URL(${json(wasmPath)}, document.baseURI).href;
    let started;
    let compiler;
    const progressed = [];
    // The .wasm fetched and compiled on a thread of its own (COMPILER_SOURCE); null when it could not be.
    const compile = () => new Promise((resolve) => {
      try {
        const source = URL.createObjectURL(new Blob([${json(COMPILER_SOURCE)}], {type: "text/javascript"}));
        compiler = new Worker(source);
        const done = (module) => {
          compiler.terminate();
          URL.revokeObjectURL(source);
          resolve(module);
        };
        compiler.onmessage = (event) => {
          if (event.data === ${json(COMPILER_PROGRESS)}) for (const listener of progressed) listener();
          else done(event.data instanceof WebAssembly.Module ? event.data : null);
        };
        compiler.onerror = () => done(null);
        compiler.postMessage(wasmUrl);
      } catch {
        resolve(null);
      }
    });
    // The page calls start() when it first needs the engine or has drawn its
    // first chart (src/components/db.ts): the .wasm's download and compile
    // would take the cores the first chart needs. A page with no chart
    // before its first answer starts at once.
    const start = () => {
      if (started) return started;
      const compiled = compile();
      // DuckDB's worker with handoverPrelude before it (the same engine: the page adopts it as workerUrl's).
      const worker = new Worker(new URL(${json(startPath)}, document.baseURI).href, {type: "module"});
      compiled.then((module) => {
        worker.postMessage({${json(WASM_HANDOVER)}: module});
        if (module) performance.mark(${json(EARLY_COMPILED_MARK)});
      });
      const ready = new Promise((resolve, reject) => {
        worker.addEventListener("message", (event) => {
          const reply = event.data;
          // Progress reports carry the request's id too; only OK or ERROR settle it.
          if (!reply || reply.requestId !== ${EARLY_INSTANTIATE_ID} || reply.type === "INSTANTIATE_PROGRESS") return;
          event.stopImmediatePropagation();
          if (reply.type === "OK") resolve();
          else reject(new Error((reply.data && reply.data.message) || "DuckDB-WASM did not start"));
        });
        worker.addEventListener("error", (event) => reject(new Error(event.message || "the worker script did not load (" + workerUrl + ")")), {once: true});
      });
      ready.catch(() => {});
      worker.postMessage({messageId: ${EARLY_INSTANTIATE_ID}, type: "INSTANTIATE", data: [wasmUrl, null]});
      performance.mark(${json(EARLY_ENGINE_MARK)});
      return (started = {worker, ready, onProgress: (listener) => progressed.push(listener)});
    };
    const stop = () => {
      if (!started) return;
      started.worker.terminate();
      if (compiler) compiler.terminate();
    };
    window[${json(EARLY_ENGINE_GLOBAL)}] = {workerUrl, wasmUrl, start, stop};${atOnce ? "\n    start();" : ""}
  } catch (error) {
    console.warn("DuckDB-WASM's start from the head is not available; the page starts it", error);
  }
})();`;
}

/** The "eh" worker and .wasm in a built site, relative to dist (posix), or undefined. */
export function engineFilesIn(dist: string): { worker: string; wasm: string } | undefined {
  const base = join(dist, "_node", "@duckdb");
  if (!existsSync(base)) return undefined;
  const files = readdirSync(base, { recursive: true, encoding: "utf8" }).map((f) => f.split(sep).join("/"));
  const worker = files.find((f) => /(^|\/)duckdb-browser-eh\.worker\.[0-9a-f]+\.js$/.test(f));
  const wasm = files.find((f) => /(^|\/)duckdb-eh\.wasm$/.test(f));
  if (!worker || !wasm) return undefined;
  return { worker: `_node/@duckdb/${worker}`, wasm: `_node/@duckdb/${wasm}` };
}

/**
 * Writes the worker the head script starts beside DuckDB's own (earlyWorkerSource),
 * named by its content's hash; returns its path relative to dist (posix).
 */
export function writeEarlyWorker(dist: string, files: { worker: string; wasm: string }): string {
  const source = earlyWorkerSource(readFileSync(join(dist, files.worker), "utf8"), posix.basename(files.wasm));
  const hash = createHash("sha256").update(source).digest("hex").slice(0, 8);
  const path = posix.join(posix.dirname(files.worker), `duckdb-browser-eh.early.${hash}.js`);
  writeFileSync(join(dist, path), source);
  return path;
}

/** A page (at `page`, relative to dist) with the early start as the first script of its head. */
export function withEarlyEngine(
  html: string,
  page: string,
  files: { worker: string; wasm: string; earlyWorker?: string },
  read: (file: string) => string | undefined = () => undefined,
): string {
  if (html.includes(MARKER) || !pageImportsDuckdb(html, page, read)) return html;
  const up = relative(dirname(join("/", page)), "/")
    .split(sep)
    .join("/");
  const path = (file: string) => `./${posix.join(up, file)}`;
  // After <meta charset> when there is one (it must come early), else first in <head>.
  const anchor = /<meta charset="[^"]*">/i.exec(html) ?? /<head\b[^>]*>/i.exec(html);
  if (!anchor) throw new Error(`no <head> in ${page}`);
  const at = anchor.index + anchor[0].length;
  const source = earlyEngineScript(
    path(files.worker),
    path(files.wasm),
    path(files.earlyWorker ?? files.worker),
    ENGINE_FIRST_PAGES.has(page),
  );
  const script = `<script ${MARKER}>${source}</script>`;
  return `${html.slice(0, at)}\n${script}${html.slice(at)}`;
}

/** Writes the early start into every built page that imports DuckDB-WASM; returns how many. */
export function applyEarlyEngine(dist: string): number {
  const engine = engineFilesIn(dist);
  if (!engine) return 0;
  const files = { ...engine, earlyWorker: writeEarlyWorker(dist, engine) };
  const code = new Map<string, string | undefined>();
  const read = (file: string): string | undefined => {
    if (!code.has(file)) {
      const path = join(dist, file);
      code.set(file, existsSync(path) ? readFileSync(path, "utf8") : undefined);
    }
    return code.get(file);
  };
  let written = 0;
  for (const page of builtPages(dist)) {
    const path = join(dist, page);
    const html = readFileSync(path, "utf8");
    const next = withEarlyEngine(html, page, files, read);
    if (next !== html) {
      writeFileSync(path, next);
      written += 1;
    }
  }
  return written;
}
