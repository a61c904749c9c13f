import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inlineScripts, withPolicy } from "../../scripts/csp.js";
import {
  applyEarlyEngine,
  COMPILER_PROGRESS,
  COMPILER_SOURCE,
  ENGINE_FIRST_PAGES,
  earlyEngineScript,
  earlyWorkerSource,
  engineFilesIn,
  handoverPrelude,
  pageImportsDuckdb,
  WASM_HANDOVER,
  withEarlyEngine,
} from "../../scripts/early-engine.js";
import { EARLY_ENGINE_GLOBAL, EARLY_INSTANTIATE_ID } from "../../src/lib/model/early-engine.js";

const DUCKDB_PRELOAD = '<link rel="modulepreload" href="./_node/@duckdb/duckdb-wasm@1.32.0/index.e8ca9772.js">';
const pageHtml = (links: string) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n${links}\n<script type="module">import "./x.js";</script>\n</head>\n<body></body></html>\n`;
/** Runs the head script as a page on http://127.0.0.1:1/sql would, with these stand-ins for its globals. */
function runEarlyScript(
  script: string,
  globals: { window: object; Worker: unknown; mark: (name: string) => unknown; fetch: unknown },
): void {
  new Function("window", "Worker", "document", "performance", "console", "fetch", script)(
    globals.window,
    globals.Worker,
    { baseURI: "http://127.0.0.1:1/sql" },
    { mark: globals.mark },
    console,
    globals.fetch,
  );
}

/** (module (func (export "answer") (result i32) i32.const 42)) */
const ANSWER_MODULE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 7, 10, 1, 6, 97, 110, 115, 119, 101, 114, 0, 0, 10,
  6, 1, 4, 0, 65, 42, 11,
]);

interface FakeWorkerLike {
  onmessage?: (event: { data: unknown }) => void;
  onerror?: (event: unknown) => void;
}

/** A Worker stand-in that records the workers made, what they were sent, and lets a test answer. */
function fakeWorkers() {
  const workers: FakeWorker[] = [];
  class FakeWorker implements FakeWorkerLike {
    posted: unknown[] = [];
    terminated = false;
    onmessage?: (event: { data: unknown }) => void;
    onerror?: (event: unknown) => void;
    private listeners: ((event: unknown) => void)[] = [];
    constructor(
      readonly url: string,
      readonly options?: unknown,
    ) {
      workers.push(this);
    }
    postMessage(message: unknown) {
      this.posted.push(message);
    }
    addEventListener(type: string, listener: (event: unknown) => void) {
      if (type === "message") this.listeners.push(listener);
    }
    terminate() {
      this.terminated = true;
    }
    /** Delivers a message from the worker; true when a listener kept it from the others. */
    send(data: unknown): boolean {
      let stopped = false;
      for (const l of this.listeners) l({ data, stopImmediatePropagation: () => (stopped = true) });
      return stopped;
    }
  }
  return { FakeWorker, workers };
}

const FILES = {
  worker: "_node/@duckdb/duckdb-wasm@1.32.0/dist/duckdb-browser-eh.worker.f281bb62.js",
  wasm: "_node/@duckdb/duckdb-wasm@1.32.0/dist/duckdb-eh.wasm",
};

describe("the engine start prepared in the head", () => {
  it("goes right after <meta charset> of a page that imports DuckDB-WASM, with paths relative to the page", () => {
    const html = withEarlyEngine(pageHtml(DUCKDB_PRELOAD), "sql.html", FILES);
    expect(html.indexOf("<script data-early-engine>")).toBeGreaterThan(html.indexOf('<meta charset="utf-8">'));
    expect(html.indexOf("<script data-early-engine>")).toBeLessThan(html.indexOf("<link"));
    expect(html).toContain(`new URL("./${FILES.worker}", document.baseURI)`);
    expect(html).toContain(`new URL("./${FILES.wasm}", document.baseURI)`);
    const nested = withEarlyEngine(pageHtml(DUCKDB_PRELOAD.replace("./", "../")), "embed/deck.html", FILES);
    expect(nested).toContain(`new URL("./../${FILES.worker}", document.baseURI)`);
  });

  it("leaves pages that never import DuckDB-WASM alone, and adds itself once", () => {
    const plain = pageHtml('<link rel="modulepreload" href="./_node/d3@7.9.2/index.c8f1bfbe.js">');
    expect(withEarlyEngine(plain, "present.html", FILES)).toBe(plain);
    const once = withEarlyEngine(pageHtml(DUCKDB_PRELOAD), "sql.html", FILES);
    expect(withEarlyEngine(once, "sql.html", FILES)).toBe(once);
  });

  it("is allowed by the page's Content-Security-Policy hash, and is valid script", () => {
    const html = withPolicy(withEarlyEngine(pageHtml(DUCKDB_PRELOAD), "sql.html", FILES));
    const script = inlineScripts(html).find((s) => s.includes(EARLY_ENGINE_GLOBAL));
    expect(script).toBe(earlyEngineScript(`./${FILES.worker}`, `./${FILES.wasm}`, `./${FILES.worker}`, true));
    expect(() => new Function(script ?? "")).not.toThrow();
    expect(script).toContain(`messageId: ${EARLY_INSTANTIATE_ID}, type: "INSTANTIATE"`);
  });

  it("starts the compiler and the worker, hands the worker the compiled module, and is ready on its OK", async () => {
    const { FakeWorker, workers } = fakeWorkers();
    const window: Record<string, unknown> = {};
    const marks: string[] = [];
    runEarlyScript(earlyEngineScript("./w.js", "./m.wasm", "./w.early.js"), {
      window,
      Worker: FakeWorker,
      mark: (name) => marks.push(name),
      fetch: () => Promise.reject(new Error("the page itself fetches nothing")),
    });
    const prepared = window[EARLY_ENGINE_GLOBAL] as {
      workerUrl: string;
      wasmUrl: string;
      start(): { worker: (typeof workers)[number]; ready: Promise<void>; onProgress(listener: () => void): void };
      stop(): void;
    };
    // Nothing starts until the page asks: no worker, no mark (and nothing to stop).
    prepared.stop();
    expect([workers.length, marks]).toEqual([0, []]);
    expect(prepared.workerUrl).toBe("http://127.0.0.1:1/w.js");
    expect(prepared.wasmUrl).toBe("http://127.0.0.1:1/m.wasm");
    const early = prepared.start();
    expect(prepared.start()).toBe(early); // one start, however often asked
    expect(workers).toHaveLength(2);
    // The compiler: a classic worker from a blob: URL, told the .wasm's URL.
    const [compiler, worker] = workers;
    expect(compiler.url).toMatch(/^blob:/);
    expect(compiler.options).toBeUndefined();
    expect(compiler.posted).toEqual(["http://127.0.0.1:1/m.wasm"]);
    // DuckDB's worker: the copy with the handover before DuckDB's code, adopted as DuckDB's worker.
    expect(early.worker).toBe(worker);
    expect(worker.url).toBe("http://127.0.0.1:1/w.early.js");
    expect(worker.options).toEqual({ type: "module" });
    expect(worker.posted).toEqual([
      { messageId: EARLY_INSTANTIATE_ID, type: "INSTANTIATE", data: ["http://127.0.0.1:1/m.wasm", null] },
    ]);
    expect(marks).toEqual(["duckdb:early-start"]);
    // The compiler's progress reaches the page's listeners; its module reaches the worker.
    let progress = 0;
    early.onProgress(() => progress++);
    compiler.onmessage?.({ data: COMPILER_PROGRESS });
    compiler.onmessage?.({ data: COMPILER_PROGRESS });
    expect(progress).toBe(2);
    const module = await WebAssembly.compile(ANSWER_MODULE);
    compiler.onmessage?.({ data: module });
    await new Promise((r) => setTimeout(r, 0));
    expect(worker.posted[1]).toEqual({ [WASM_HANDOVER]: module });
    expect(compiler.terminated).toBe(true);
    expect(marks).toEqual(["duckdb:early-start", "duckdb:early-compiled"]);
    let settled = false;
    early.ready.then(() => {
      settled = true;
    });
    expect(worker.send({ requestId: EARLY_INSTANTIATE_ID, type: "INSTANTIATE_PROGRESS", data: {} })).toBe(false);
    expect(worker.send({ requestId: 0, type: "OK" })).toBe(false); // another request's answer
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(worker.send({ requestId: EARLY_INSTANTIATE_ID, type: "OK" })).toBe(true);
    await early.ready;
    // A start the page does not take (other files) is stopped.
    expect(worker.terminated).toBe(false);
    prepared.stop();
    expect(worker.terminated).toBe(true);
  });

  it("starts at once only on the pages whose first content is the engine's answer", () => {
    const workersStartedBy = (page: string) => {
      const { FakeWorker, workers } = fakeWorkers();
      const html = withEarlyEngine(pageHtml(DUCKDB_PRELOAD), page, FILES);
      const script = /<script data-early-engine>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
      runEarlyScript(script, { window: {}, Worker: FakeWorker, mark: () => {}, fetch: () => {} });
      return workers.length;
    };
    expect([...ENGINE_FIRST_PAGES].map(workersStartedBy)).toEqual([2, 2]);
    expect(["index.html", "network.html", "timeline.html", "embed/sectors.html"].map(workersStartedBy)).toEqual([
      0, 0, 0, 0,
    ]);
  });

  it("hands the worker no module when the compiler could not compile, or did not start", async () => {
    for (const fails of [
      (compiler: FakeWorkerLike) => compiler.onmessage?.({ data: null }),
      (compiler: FakeWorkerLike) => compiler.onerror?.({}),
    ]) {
      const { FakeWorker, workers } = fakeWorkers();
      const window: Record<string, unknown> = {};
      runEarlyScript(earlyEngineScript("./w.js", "./m.wasm"), { window, Worker: FakeWorker, mark: () => {}, fetch });
      (window[EARLY_ENGINE_GLOBAL] as { start(): unknown }).start();
      const [compiler, worker] = workers;
      fails(compiler);
      await new Promise((r) => setTimeout(r, 0));
      expect(worker.posted[1]).toEqual({ [WASM_HANDOVER]: null });
      expect(compiler.terminated).toBe(true);
    }
  });
});

describe("the compiler the head starts", () => {
  /** Runs COMPILER_SOURCE as its worker would, with this fetch; resolves to what it posted. */
  async function compileWith(answer: Response | Error): Promise<{ posted: unknown[]; fetched: [string, unknown][] }> {
    const posted: unknown[] = [];
    const fetched: [string, unknown][] = [];
    const self: { onmessage?: (event: { data: unknown }) => Promise<void>; postMessage(m: unknown): void } = {
      postMessage: (message) => posted.push(message),
    };
    const fetch = async (url: string, init: unknown) => {
      fetched.push([url, init]);
      if (answer instanceof Error) throw answer;
      return answer;
    };
    new Function("self", "fetch", COMPILER_SOURCE)(self, fetch);
    await self.onmessage?.({ data: "http://x/m.wasm" });
    return { posted, fetched };
  }
  const wasm = (bytes: Uint8Array<ArrayBuffer>, init: ResponseInit = {}) =>
    new Response(bytes, { headers: { "Content-Type": "application/wasm" }, ...init });

  it("fetches the .wasm without credentials, reports progress and posts the compiled module", async () => {
    const { posted, fetched } = await compileWith(wasm(ANSWER_MODULE));
    expect(fetched).toEqual([["http://x/m.wasm", { credentials: "omit", priority: "high" }]]);
    expect(posted[0]).toBe(COMPILER_PROGRESS); // the first chunk is reported
    const module = posted.at(-1);
    expect(module).toBeInstanceOf(WebAssembly.Module);
    const instance = await WebAssembly.instantiate(module as WebAssembly.Module);
    expect((instance.exports.answer as () => number)()).toBe(42);
  });

  it("posts null for anything but the .wasm, and for bytes that do not compile", async () => {
    // Each but the last two holds a module that would compile: only the check refuses it.
    const redirected = wasm(ANSWER_MODULE);
    Object.defineProperty(redirected, "redirected", { value: true });
    const answers = [
      wasm(ANSWER_MODULE, { status: 404 }),
      redirected,
      new Response(ANSWER_MODULE, { headers: { "Content-Type": "text/html" } }),
      wasm(new Uint8Array([0, 97, 115, 109, 9, 9])),
      new Error("offline"),
    ];
    for (const answer of answers) expect((await compileWith(answer)).posted.at(-1)).toBeNull();
  });
});

describe("the handover before DuckDB's worker script", () => {
  /** Runs the prelude (and `duckdb` after it) as the worker would, with a WebAssembly of its own. */
  function runPrelude(duckdb = "") {
    const listeners: ((event: { data: unknown; stopImmediatePropagation(): void }) => void)[] = [];
    const nativeFetches: string[] = [];
    const nativeInstantiations: unknown[] = [];
    const self: Record<string, unknown> = {
      fetch: async (url: string) => {
        nativeFetches.push(url);
        return new Response("native");
      },
      // DuckDB's calls go to the worker's WebAssembly; not this process's.
      WebAssembly: {
        instantiate: WebAssembly.instantiate,
        instantiateStreaming: async (source: unknown) => {
          nativeInstantiations.push(await source);
          return "native";
        },
      },
    };
    const seen: unknown[] = [];
    const source = earlyWorkerSource(duckdb, "m.wasm");
    expect(source.startsWith(handoverPrelude("m.wasm"))).toBe(true);
    // import.meta.url is the copy's URL, beside the .wasm.
    const body = source.replace("import.meta.url", JSON.stringify("http://x/dist/w.early.js"));
    new Function("self", "addEventListener", "seen", body)(
      self,
      (_: string, l: (typeof listeners)[number]) => listeners.push(l),
      seen,
    );
    const dispatch = (data: unknown) => {
      let stopped = false;
      const event = { data, stopImmediatePropagation: () => (stopped = true) };
      for (const l of listeners) if (!stopped) l(event);
      if (!stopped && self.onmessage) (self.onmessage as (e: unknown) => void)(event);
    };
    const fetch = self.fetch as (url: string | Request) => Promise<Response>;
    const wasmApi = self.WebAssembly as {
      instantiateStreaming(source: unknown, imports?: object): Promise<unknown>;
    };
    return { dispatch, fetch, wasmApi, seen, nativeFetches, nativeInstantiations };
  }

  it("instantiates the handed module when DuckDB fetches and streams the .wasm, and keeps the handover from DuckDB", async () => {
    const { dispatch, fetch, wasmApi, seen, nativeFetches, nativeInstantiations } = runPrelude(
      "self.onmessage = (event) => seen.push(event.data);",
    );
    dispatch({ messageId: -1, type: "INSTANTIATE" });
    // DuckDB asks before the module is handed over, and streams the answer into instantiateStreaming at once.
    const answer = fetch(new Request("http://x/dist/m.wasm"));
    const instantiated = wasmApi.instantiateStreaming(answer, {});
    const module = await WebAssembly.compile(ANSWER_MODULE);
    dispatch({ [WASM_HANDOVER]: module });
    dispatch({ messageId: 0, type: "PING" });
    expect(seen).toEqual([
      { messageId: -1, type: "INSTANTIATE" },
      { messageId: 0, type: "PING" },
    ]);
    // Answered with no bytes: nothing to download again.
    const response = await answer;
    expect(response.headers.get("Content-Type")).toBe("application/wasm");
    expect((await response.clone().arrayBuffer()).byteLength).toBe(0);
    const result = (await instantiated) as { module: WebAssembly.Module; instance: WebAssembly.Instance };
    expect(result.module).toBe(module);
    expect((result.instance.exports.answer as () => number)()).toBe(42);
    // Once only; other URLs, the .wasm again, and other instantiations go to the browser.
    expect(await (await fetch("http://x/dist/m.wasm")).text()).toBe("native");
    expect(await (await fetch("http://x/other")).text()).toBe("native");
    expect(nativeFetches).toEqual(["http://x/dist/m.wasm", "http://x/other"]);
    expect(nativeInstantiations).toEqual([]);
    expect(await wasmApi.instantiateStreaming(new Response("x"))).toBe("native");
  });

  it("lets DuckDB fetch and compile the .wasm itself when no module was handed over", async () => {
    const { dispatch, fetch, wasmApi, nativeFetches, nativeInstantiations } = runPrelude();
    const answer = fetch("http://x/dist/m.wasm");
    const instantiated = wasmApi.instantiateStreaming(answer, {});
    dispatch({ [WASM_HANDOVER]: null });
    expect(await instantiated).toBe("native");
    expect(nativeFetches).toEqual(["http://x/dist/m.wasm"]);
    expect(nativeInstantiations).toEqual([await answer]);
  });
});

describe("the build's early start", () => {
  it("probes for the WebAssembly exception handling DuckDB's eh build needs", () => {
    const probe = /new Uint8Array\((\[[0-9,]+\])\)/.exec(earlyEngineScript("w.js", "m.wasm"))?.[1];
    const bytes = new Uint8Array(JSON.parse(probe ?? "[]"));
    expect(WebAssembly.validate(bytes)).toBe(true);
    // The same module with `try` (0x06) changed to `block` (0x02) and no catch_all: valid without exceptions.
    const withoutTry = Uint8Array.from(bytes);
    withoutTry[withoutTry.length - 5] = 0x02;
    withoutTry[withoutTry.length - 3] = 0x01; // nop instead of catch_all
    expect(WebAssembly.validate(withoutTry)).toBe(true);
    expect([bytes[bytes.length - 5], bytes[bytes.length - 3]]).toEqual([0x06, 0x19]); // try … catch_all
  });

  it("finds the eh worker and .wasm in a built site and writes into the pages that import DuckDB", () => {
    const dist = mkdtempSync(join(tmpdir(), "aa-early-"));
    try {
      expect(engineFilesIn(dist)).toBeUndefined();
      expect(applyEarlyEngine(dist)).toBe(0);
      const dir = join(dist, "_node/@duckdb/duckdb-wasm@1.32.0/dist");
      mkdirSync(dir, { recursive: true });
      for (const f of ["duckdb-browser-eh.worker.f281bb62.js", "duckdb-eh.wasm", "duckdb-mvp.wasm"]) {
        writeFileSync(join(dir, f), "");
      }
      expect(engineFilesIn(dist)).toEqual(FILES);
      writeFileSync(join(dist, "sql.html"), pageHtml(DUCKDB_PRELOAD));
      writeFileSync(join(dist, "present.html"), pageHtml(""));
      expect(applyEarlyEngine(dist)).toBe(1);
      const sql = readFileSync(join(dist, "sql.html"), "utf8");
      expect(sql).toContain("data-early-engine");
      // The page starts the copy with the handover, written beside DuckDB's worker.
      const early = /new URL\("\.\/(_node\/[^"]+\.early\.[0-9a-f]{8}\.js)"/.exec(sql)?.[1] ?? "";
      expect(readFileSync(join(dist, early), "utf8")).toBe(earlyWorkerSource("", "duckdb-eh.wasm"));
      expect(readFileSync(join(dist, "present.html"), "utf8")).not.toContain("data-early-engine");
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe("which pages import DuckDB-WASM", () => {
  // A page's bundle, a chunk it imports, and the engine's start, imported by import() only.
  const FILES: Record<string, string> = {
    "_import/_pages/index.AAAA.js":
      'import { a } from "./shared.BBBB.js";\nexport const b = () => import("./shared.CCCC.js");',
    "_import/_pages/shared.BBBB.js": 'import "./shared.AAAA.js";\nexport const a = 1;',
    "_import/_pages/shared.AAAA.js": 'import "./shared.BBBB.js";',
    "_import/_pages/shared.CCCC.js":
      'import * as duckdb from "../../_node/@duckdb/duckdb-wasm@1.32.0/index.e8ca9772.js";',
    "_import/_pages/other.DDDD.js": 'import { a } from "./shared.BBBB.js";',
  };
  const read = (file: string) => FILES[file];
  const page = (entry: string, up = "./") =>
    pageHtml("").replace('import "./x.js";', `import(${JSON.stringify(`${up}_import/_pages/${entry}`)})`);

  it("follows static imports and import() from the page's scripts to DuckDB-WASM's module", () => {
    expect(pageImportsDuckdb(page("index.AAAA.js"), "index.html", read)).toBe(true);
    expect(pageImportsDuckdb(page("index.AAAA.js", "../"), "embed/deck.html", read)).toBe(true);
  });

  it("is false for a page whose modules never reach it, through import cycles and missing files", () => {
    expect(pageImportsDuckdb(page("other.DDDD.js"), "present.html", read)).toBe(false);
    expect(pageImportsDuckdb(page("gone.EEEE.js"), "present.html", read)).toBe(false);
    // The right file name from the wrong folder is another file.
    expect(pageImportsDuckdb(page("index.AAAA.js"), "embed/deck.html", read)).toBe(false);
  });

  it("takes Framework's preload of DuckDB-WASM as an import without reading any file", () => {
    expect(pageImportsDuckdb(pageHtml(DUCKDB_PRELOAD), "sql.html", () => undefined)).toBe(true);
  });

  it("writes the early start into a built page that imports DuckDB-WASM only through import()", () => {
    const dist = mkdtempSync(join(tmpdir(), "aa-early-dyn-"));
    try {
      const dir = join(dist, "_node/@duckdb/duckdb-wasm@1.32.0/dist");
      mkdirSync(dir, { recursive: true });
      for (const f of ["duckdb-browser-eh.worker.f281bb62.js", "duckdb-eh.wasm"]) writeFileSync(join(dir, f), "");
      mkdirSync(join(dist, "_import/_pages"), { recursive: true });
      for (const [file, code] of Object.entries(FILES)) writeFileSync(join(dist, file), code);
      writeFileSync(join(dist, "index.html"), page("index.AAAA.js"));
      writeFileSync(join(dist, "present.html"), page("other.DDDD.js"));
      expect(applyEarlyEngine(dist)).toBe(1);
      expect(readFileSync(join(dist, "index.html"), "utf8")).toContain("data-early-engine");
      expect(readFileSync(join(dist, "present.html"), "utf8")).not.toContain("data-early-engine");
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
