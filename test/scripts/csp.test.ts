import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  applyPolicy,
  contentSecurityPolicy,
  HTL_PLACEHOLDERS,
  inlineScripts,
  pagePolicy,
  scriptHash,
  withPolicy,
} from "../../scripts/csp.js";

const PAGE = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<script type="module" src="./a.js"></script>
<script type="module">
import {x} from "./x.js";
x();
</script>
</head>
<body><script>{document.body.dataset.ok = "1"}</script></body>
</html>`;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("the Content-Security-Policy", () => {
  it("allows only the site's own origin, DuckDB's wasm, blob workers and inline styles", () => {
    const policy = contentSecurityPolicy(["sha256-abc="]);
    const placeholders = Array.from({ length: HTL_PLACEHOLDERS }, (_, i) => `'${scriptHash(`::${i}`)}'`).join(" ");
    expect(policy).toBe(
      `default-src 'self'; script-src 'self' 'sha256-abc=' 'unsafe-hashes' ${placeholders} 'wasm-unsafe-eval'; connect-src 'self'; worker-src 'self' blob:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; base-uri 'self'`,
    );
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src ")) ?? "";
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
  });

  it("allows htl's handler placeholders only, and they are not script that can run", () => {
    for (let i = 0; i < HTL_PLACEHOLDERS; i++) expect(() => new Function(`::${i}`)).toThrow(SyntaxError);
  });

  it("hashes each inline script exactly as written, not the external ones", () => {
    const scripts = inlineScripts(PAGE);
    expect(scripts).toEqual(['\nimport {x} from "./x.js";\nx();\n', '{document.body.dataset.ok = "1"}']);
    // sha256 of "alert(1)" as browsers report it in CSP errors.
    expect(scriptHash("alert(1)")).toBe("sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=");
  });

  it("puts the policy first in <head>, and replaces it when run again", () => {
    const once = withPolicy(PAGE);
    expect(once.indexOf('<meta http-equiv="Content-Security-Policy"')).toBe(once.indexOf("<head>") + "<head>\n".length);
    const policy = pagePolicy(once);
    expect(policy).toBe(contentSecurityPolicy(inlineScripts(PAGE).map(scriptHash)));
    expect(withPolicy(once)).toBe(once);
    expect(() => withPolicy("<p>no head</p>")).toThrow(/no <head>/);
  });

  it("writes every page of a folder, nested ones too", () => {
    const dir = mkdtempSync(join(tmpdir(), "aa-csp-"));
    dirs.push(dir);
    mkdirSync(join(dir, "embed"));
    writeFileSync(join(dir, "index.html"), PAGE);
    writeFileSync(join(dir, "embed", "network.html"), PAGE.replace("x();", "y();"));
    writeFileSync(join(dir, "embed", "network.js"), "export {};");
    expect(applyPolicy(dir)).toEqual({ pages: 2, scripts: 4 });
    const nested = readFileSync(join(dir, "embed", "network.html"), "utf8");
    expect(pagePolicy(nested)).toContain(scriptHash('\nimport {x} from "./x.js";\ny();\n'));
    expect(readFileSync(join(dir, "embed", "network.js"), "utf8")).toBe("export {};");
  });
});
