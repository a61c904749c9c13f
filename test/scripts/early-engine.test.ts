import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inlineScripts, withPolicy } from "../../scripts/csp.js";
import {
  applyEarlyEngine,
  ENGINE_FIRST_PAGES,
  earlyEngineScript,
  earlyWorkerSource,
  engineFilesIn,
  handoverPrelude,
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

  it("starts the worker, asks it to instantiate the .wasm, and is ready on its OK, not on progress", async () => {
    const posted: unknown[] = [];
    const listeners: Record<string, ((event: unknown) => void)[]> = { message: [], error: [] };
    class FakeWorker {
      constructor(
        readonly url: string,
        readonly options: unknown,
      ) {}
      postMessage(message: unknown) {
        posted.push(message);
      }
      addEventListener(type: string, listener: (event: unknown) => void) {
        listeners[type].push(listener);
      }
      terminated = false;
      terminate() {
        this.terminated = true;
      }
    }
    const window: Record<string, unknown> = {};
    const marks: string[] = [];
    const fetched: [string, unknown][] = [];
    const body = { stream: true };
    let respond: (response: unknown) => void = () => {};
    const fetch = (url: string, init: unknown) => {
      fetched.push([url, init]);
      return new Promise((resolve) => {
        respond = resolve;
      });
    };
    runEarlyScript(earlyEngineScript("./w.js", "./m.wasm", "./w.early.js"), {
      window,
      Worker: FakeWorker,
      mark: (name) => marks.push(name),
      fetch,
    });
    const prepared = window[EARLY_ENGINE_GLOBAL] as {
      workerUrl: string;
      wasmUrl: string;
      start(): { worker: FakeWorker; ready: Promise<void> };
      stop(): void;
    };
    // Nothing starts until the page asks: no fetch, no worker, no mark (and nothing to stop).
    prepared.stop();
    expect([fetched, posted, marks]).toEqual([[], [], []]);
    expect(prepared.workerUrl).toBe("http://127.0.0.1:1/w.js");
    expect(prepared.wasmUrl).toBe("http://127.0.0.1:1/m.wasm");
    const early = prepared.start();
    expect(prepared.start()).toBe(early); // one start, however often asked
    // The .wasm is fetched by the page, on connections of its own.
    expect(fetched).toEqual([["http://127.0.0.1:1/m.wasm", { credentials: "omit", priority: "high" }]]);
    // It starts the copy with the handover before DuckDB's code, and is adopted as DuckDB's worker.
    expect(early.worker.url).toBe("http://127.0.0.1:1/w.early.js");
    expect(early.worker.options).toEqual({ type: "module" });
    expect(posted).toEqual([
      { messageId: EARLY_INSTANTIATE_ID, type: "INSTANTIATE", data: ["http://127.0.0.1:1/m.wasm", null] },
    ]);
    expect(marks).toEqual(["duckdb:early-start"]);
    const wasmHeaders = new Headers({ "Content-Type": "application/wasm" });
    respond({ ok: true, redirected: false, headers: wasmHeaders, body });
    await new Promise((r) => setTimeout(r, 0));
    expect(posted[1]).toEqual({ [WASM_HANDOVER]: body });
    let settled = false;
    early.ready.then(() => {
      settled = true;
    });
    const send = (data: unknown) => {
      let stopped = false;
      for (const l of listeners.message) l({ data, stopImmediatePropagation: () => (stopped = true) });
      return stopped;
    };
    expect(send({ requestId: EARLY_INSTANTIATE_ID, type: "INSTANTIATE_PROGRESS", data: {} })).toBe(false);
    expect(send({ requestId: 0, type: "OK" })).toBe(false); // another request's answer
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(send({ requestId: EARLY_INSTANTIATE_ID, type: "OK" })).toBe(true);
    await early.ready;
    // A start the page does not take (other files) is stopped.
    expect(early.worker.terminated).toBe(false);
    prepared.stop();
    expect(early.worker.terminated).toBe(true);
  });

  it("starts at once only on the pages whose first content is the engine's answer", () => {
    const fetchedBy = (page: string) => {
      const fetched: string[] = [];
      const html = withEarlyEngine(pageHtml(DUCKDB_PRELOAD), page, FILES);
      const script = /<script data-early-engine>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
      runEarlyScript(script, {
        window: {},
        Worker: class {
          postMessage() {}
          addEventListener() {}
        },
        mark: () => {},
        fetch: (url: string) => {
          fetched.push(url);
          return new Promise(() => {});
        },
      });
      return fetched.length;
    };
    expect([...ENGINE_FIRST_PAGES].map(fetchedBy)).toEqual([1, 1]);
    expect(["index.html", "network.html", "timeline.html", "embed/sectors.html"].map(fetchedBy)).toEqual([0, 0, 0, 0]);
  });

  it("hands the worker no stream when the page's fetch got something else than the .wasm", async () => {
    const answers = [
      { ok: false, redirected: false, headers: new Headers({ "Content-Type": "text/html" }), body: {} },
      { ok: true, redirected: true, headers: new Headers({ "Content-Type": "text/html" }), body: {} },
      { ok: true, redirected: false, headers: new Headers({ "Content-Type": "text/html" }), body: {} },
    ];
    for (const answer of answers) {
      const posted: unknown[] = [];
      class FakeWorker {
        postMessage(message: unknown) {
          posted.push(message);
        }
        addEventListener() {}
      }
      const window: Record<string, unknown> = {};
      runEarlyScript(earlyEngineScript("./w.js", "./m.wasm"), {
        window,
        Worker: FakeWorker,
        mark: () => {},
        fetch: async () => answer,
      });
      (window[EARLY_ENGINE_GLOBAL] as { start(): unknown }).start();
      await new Promise((r) => setTimeout(r, 0));
      expect(posted[1]).toEqual({ [WASM_HANDOVER]: null });
    }
  });

  it("serves DuckDB's fetch of the .wasm from the page's stream, and keeps the handover from DuckDB", async () => {
    const listeners: ((event: { data: unknown; stopImmediatePropagation(): void }) => void)[] = [];
    const self: Record<string, unknown> = {};
    const seen: unknown[] = [];
    const nativeFetches: string[] = [];
    self.fetch = async (url: string) => {
      nativeFetches.push(url);
      return new Response("native");
    };
    // DuckDB's worker script, after the prelude: installs its handler.
    const duckdb = "self.onmessage = (event) => seen.push(event.data);";
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
      if (!stopped) (self.onmessage as (e: unknown) => void)(event);
    };
    dispatch({ messageId: -1, type: "INSTANTIATE" });
    const fetch = self.fetch as (url: string | Request) => Promise<Response>;
    const answer = fetch(new Request("http://x/dist/m.wasm")); // DuckDB asks before the bytes are handed over
    dispatch({ [WASM_HANDOVER]: new Response(new Uint8Array([0, 97, 115, 109])).body });
    dispatch({ messageId: 0, type: "PING" });
    expect(seen).toEqual([
      { messageId: -1, type: "INSTANTIATE" },
      { messageId: 0, type: "PING" },
    ]);
    const wasm = await answer;
    expect(wasm.headers.get("Content-Type")).toBe("application/wasm");
    expect([...new Uint8Array(await wasm.arrayBuffer())]).toEqual([0, 97, 115, 109]);
    // Once only; other URLs, and the .wasm again, go to the network.
    expect(await (await fetch("http://x/dist/m.wasm")).text()).toBe("native");
    expect(await (await fetch("http://x/other")).text()).toBe("native");
    expect(nativeFetches).toEqual(["http://x/dist/m.wasm", "http://x/other"]);
  });

  it("lets DuckDB fetch the .wasm itself when the page could not", async () => {
    const listeners: ((event: { data: unknown; stopImmediatePropagation(): void }) => void)[] = [];
    const self: Record<string, unknown> = { fetch: async (url: string) => new Response(`native ${url}`) };
    const body = earlyWorkerSource("", "m.wasm").replace("import.meta.url", JSON.stringify("http://x/w.early.js"));
    new Function("self", "addEventListener", body)(self, (_: string, l: (typeof listeners)[number]) =>
      listeners.push(l),
    );
    const fetch = self.fetch as (url: string) => Promise<Response>;
    const answer = fetch("http://x/m.wasm");
    for (const l of listeners) l({ data: { [WASM_HANDOVER]: null }, stopImmediatePropagation: () => {} });
    expect(await (await answer).text()).toBe("native http://x/m.wasm");
  });

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
