import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inlineScripts, withPolicy } from "../../scripts/csp.js";
import { applyEarlyEngine, earlyEngineScript, engineFilesIn, withEarlyEngine } from "../../scripts/early-engine.js";
import { EARLY_ENGINE_GLOBAL, EARLY_INSTANTIATE_ID } from "../../src/lib/model/early-engine.js";

const DUCKDB_PRELOAD = '<link rel="modulepreload" href="./_node/@duckdb/duckdb-wasm@1.32.0/index.e8ca9772.js">';
const page = (links: string) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n${links}\n<script type="module">import "./x.js";</script>\n</head>\n<body></body></html>\n`;
const FILES = {
  worker: "_node/@duckdb/duckdb-wasm@1.32.0/dist/duckdb-browser-eh.worker.f281bb62.js",
  wasm: "_node/@duckdb/duckdb-wasm@1.32.0/dist/duckdb-eh.wasm",
};

describe("the early engine start", () => {
  it("goes right after <meta charset> of a page that imports DuckDB-WASM, with paths relative to the page", () => {
    const html = withEarlyEngine(page(DUCKDB_PRELOAD), "sql.html", FILES);
    expect(html.indexOf("<script data-early-engine>")).toBeGreaterThan(html.indexOf('<meta charset="utf-8">'));
    expect(html.indexOf("<script data-early-engine>")).toBeLessThan(html.indexOf("<link"));
    expect(html).toContain(`new URL("./${FILES.worker}", document.baseURI)`);
    expect(html).toContain(`new URL("./${FILES.wasm}", document.baseURI)`);
    const nested = withEarlyEngine(page(DUCKDB_PRELOAD.replace("./", "../")), "embed/deck.html", FILES);
    expect(nested).toContain(`new URL("./../${FILES.worker}", document.baseURI)`);
  });

  it("leaves pages that never import DuckDB-WASM alone, and adds itself once", () => {
    const plain = page('<link rel="modulepreload" href="./_node/d3@7.9.2/index.c8f1bfbe.js">');
    expect(withEarlyEngine(plain, "present.html", FILES)).toBe(plain);
    const once = withEarlyEngine(page(DUCKDB_PRELOAD), "sql.html", FILES);
    expect(withEarlyEngine(once, "sql.html", FILES)).toBe(once);
  });

  it("is allowed by the page's Content-Security-Policy hash, and is valid script", () => {
    const html = withPolicy(withEarlyEngine(page(DUCKDB_PRELOAD), "sql.html", FILES));
    const script = inlineScripts(html).find((s) => s.includes(EARLY_ENGINE_GLOBAL));
    expect(script).toBe(earlyEngineScript(`./${FILES.worker}`, `./${FILES.wasm}`));
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
    }
    const window: Record<string, unknown> = {};
    const marks: string[] = [];
    new Function("window", "Worker", "document", "performance", "console", earlyEngineScript("./w.js", "./m.wasm"))(
      window,
      FakeWorker,
      { baseURI: "http://127.0.0.1:1/sql" },
      { mark: (name: string) => marks.push(name) },
      console,
    );
    const early = window[EARLY_ENGINE_GLOBAL] as { worker: FakeWorker; wasmUrl: string; ready: Promise<void> };
    expect(early.worker.url).toBe("http://127.0.0.1:1/w.js");
    expect(early.worker.options).toEqual({ type: "module" });
    expect(posted).toEqual([
      { messageId: EARLY_INSTANTIATE_ID, type: "INSTANTIATE", data: ["http://127.0.0.1:1/m.wasm", null] },
    ]);
    expect(marks).toEqual(["duckdb:early-start"]);
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
      writeFileSync(join(dist, "sql.html"), page(DUCKDB_PRELOAD));
      writeFileSync(join(dist, "present.html"), page(""));
      expect(applyEarlyEngine(dist)).toBe(1);
      expect(readFileSync(join(dist, "sql.html"), "utf8")).toContain("data-early-engine");
      expect(readFileSync(join(dist, "present.html"), "utf8")).not.toContain("data-early-engine");
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
