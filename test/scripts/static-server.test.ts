// The static server (scripts/static-server.ts): Range requests as the pages'
// table loader uses them and as static hosts answer them; CORS and the page
// policy header for embeds on other sites.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPolicy } from "../../scripts/csp.js";
import { parseRange, type StaticServer, startStaticServer } from "../../scripts/static-server.js";

describe("parseRange", () => {
  it("reads one range: closed, open-ended, or the last n bytes", () => {
    expect(parseRange("bytes=0-9", 100)).toEqual({ start: 0, end: 10 });
    expect(parseRange("bytes=90-", 100)).toEqual({ start: 90, end: 100 });
    expect(parseRange("bytes=95-200", 100)).toEqual({ start: 95, end: 100 });
    expect(parseRange("bytes=-10", 100)).toEqual({ start: 90, end: 100 });
    expect(parseRange("bytes=-500", 100)).toEqual({ start: 0, end: 100 });
  });

  it("serves the whole file for no range, several ranges or another unit, and refuses what is past the end", () => {
    expect(parseRange(undefined, 100)).toBeUndefined();
    expect(parseRange("bytes=0-1,5-6", 100)).toBeUndefined();
    expect(parseRange("items=0-1", 100)).toBeUndefined();
    expect(parseRange("bytes=-", 100)).toBeUndefined();
    expect(parseRange("bytes=100-", 100)).toBe("unsatisfiable");
    expect(parseRange("bytes=5-2", 100)).toBe("unsatisfiable");
    expect(parseRange("bytes=-0", 100)).toBe("unsatisfiable");
  });
});

describe("the static server", () => {
  let root: string;
  let server: StaticServer;
  const body = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "aa-static-"));
    writeFileSync(join(root, "t.parts"), body);
    writeFileSync(join(root, "t.json"), JSON.stringify({ text: "x".repeat(4000) }));
    server = await startStaticServer({ root });
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("answers a Range request with 206 and exactly those bytes, counted", async () => {
    server.reset();
    const response = await fetch(`${server.url}/t.parts`, { headers: { Range: "bytes=100-1099" } });
    expect(response.status).toBe(206);
    expect(response.headers.get("Content-Range")).toBe("bytes 100-1099/5000");
    expect(Buffer.from(await response.arrayBuffer()).equals(body.subarray(100, 1100))).toBe(true);
    expect(server.stats()).toMatchObject({ requests: 1, bytes: 1000 });
  });

  it("sends a compressible file's range uncompressed, and the whole file gzipped", async () => {
    const ranged = await fetch(`${server.url}/t.json`, { headers: { Range: "bytes=0-7", "Accept-Encoding": "gzip" } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("Content-Encoding")).toBeNull();
    expect(await ranged.text()).toBe('{"text":');
    const whole = await fetch(`${server.url}/t.json`, { headers: { "Accept-Encoding": "gzip" } });
    expect(whole.status).toBe(200);
    expect(whole.headers.get("Content-Encoding")).toBe("gzip");
  });

  it("says 416 for a range past the end, and serves .parts uncompressed with Accept-Ranges", async () => {
    const past = await fetch(`${server.url}/t.parts`, { headers: { Range: "bytes=6000-" } });
    expect(past.status).toBe(416);
    expect(past.headers.get("Content-Range")).toBe("bytes */5000");
    const whole = await fetch(`${server.url}/t.parts`, { headers: { "Accept-Encoding": "gzip" } });
    expect(whole.headers.get("Content-Encoding")).toBeNull();
    expect(whole.headers.get("Accept-Ranges")).toBe("bytes");
    expect((await whole.arrayBuffer()).byteLength).toBe(5000);
  });

  it("serves an overlay's files in place of root's, the rest from root, and reports raw and sent bytes", async () => {
    const overlay = mkdtempSync(join(tmpdir(), "aa-overlay-"));
    writeFileSync(join(overlay, "t.json"), JSON.stringify({ text: "y".repeat(3000) }));
    writeFileSync(join(overlay, "extra.html"), "<!DOCTYPE html><p>bench</p>");
    const seen: { path: string; bytes: number; rawBytes: number }[] = [];
    const layered = await startStaticServer({
      root,
      overlay,
      onResponse: ({ path, bytes, rawBytes }) => seen.push({ path, bytes, rawBytes }),
    });
    try {
      const json = await fetch(`${layered.url}/t.json`, { headers: { "Accept-Encoding": "gzip" } });
      expect(((await json.json()) as { text: string }).text).toBe("y".repeat(3000));
      expect(await (await fetch(`${layered.url}/extra`)).text()).toContain("bench");
      expect((await (await fetch(`${layered.url}/t.parts`)).arrayBuffer()).byteLength).toBe(5000);
      const jsonSeen = seen.find((r) => r.path === "/t.json");
      expect(jsonSeen?.rawBytes).toBe(JSON.stringify({ text: "y".repeat(3000) }).length);
      expect(jsonSeen?.bytes).toBeLessThan(jsonSeen?.rawBytes ?? 0);
    } finally {
      await layered.close();
      rmSync(overlay, { recursive: true, force: true });
    }
    expect((await (await fetch(`${server.url}/t.json`)).json()) as { text: string }).toEqual({
      text: "x".repeat(4000),
    });
  });

  it("acts as a host that ignores Range when asked to", async () => {
    const plain = await startStaticServer({ root, ranges: false });
    try {
      const response = await fetch(`${plain.url}/t.parts`, { headers: { Range: "bytes=0-9" } });
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBe(5000);
    } finally {
      await plain.close();
    }
  });
});

let dir: string;
let server: StaticServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "aa-static-"));
  writeFileSync(
    join(dir, "index.html"),
    withPolicy("<!DOCTYPE html><html><head><title>x</title></head><body></body></html>"),
  );
  writeFileSync(join(dir, "plain.html"), "<!DOCTYPE html><html><head></head><body></body></html>");
  writeFileSync(join(dir, "404.html"), withPolicy("<!DOCTYPE html><html><head></head><body>Not here</body></html>"));
  writeFileSync(join(dir, "chart.js"), "export const x = 1;\n");
  server = await startStaticServer({ root: dir });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the static server, for embeds on other sites", () => {
  it("lets any origin read every file (exported modules, tables, wasm)", async () => {
    for (const path of ["/", "/chart.js", "/missing"]) {
      const response = await fetch(`${server.url}${path}`, { headers: { Origin: "http://elsewhere.test" } });
      expect(response.headers.get("access-control-allow-origin"), path).toBe("*");
    }
    const preflight = await fetch(`${server.url}/chart.js`, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD");
    expect((await fetch(`${server.url}/chart.js`, { method: "POST" })).status).toBe(405);
  });

  it("sends a page's own policy as a header, with frame-ancestors *", async () => {
    const page = await fetch(`${server.url}/`);
    const html = await page.text();
    const meta = /content="([^"]+)"/.exec(html)?.[1];
    expect(page.headers.get("content-security-policy")).toBe(`${meta}; frame-ancestors *`);
    const missing = await fetch(`${server.url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-security-policy")).toContain("frame-ancestors *");
    // No policy in the page, none in the header; none on scripts either.
    expect((await fetch(`${server.url}/plain`)).headers.get("content-security-policy")).toBeNull();
    expect((await fetch(`${server.url}/chart.js`)).headers.get("content-security-policy")).toBeNull();
  });
});
