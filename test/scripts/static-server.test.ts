import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPolicy } from "../../scripts/csp.js";
import { type StaticServer, startStaticServer } from "../../scripts/static-server.js";

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
