/**
 * What the build leaves in dist/ for embedding and for the
 * Content-Security-Policy: every page carries the policy first in <head>,
 * and its script hashes are exactly those of the page's inline scripts; the
 * embed pages and the exported modules are there and stay out of the
 * navigation. Builds dist/ when it is stale (devtools/site-build.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DIST } from "../../devtools/project-paths.js";
import { BUILD_TIMEOUT, ensureDist } from "../../devtools/site-build.js";
import { HTL_PLACEHOLDERS, inlineScripts, pagePolicy, scriptHash } from "../../scripts/csp.js";

function pages(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pages(path);
    return entry.name.endsWith(".html") ? [path] : [];
  });
}

beforeAll(ensureDist, BUILD_TIMEOUT);

describe("the built pages' Content-Security-Policy", () => {
  it("is the first element of every page's <head>, once", () => {
    const all = pages();
    expect(all.map((p) => relative(DIST, p)).sort()).toEqual(
      expect.arrayContaining(["index.html", "network.html", "embed/network.html", "embed/timeline.html"]),
    );
    for (const path of all) {
      const html = readFileSync(path, "utf8");
      expect(html, relative(DIST, path)).toMatch(
        /<head>\n<meta http-equiv="Content-Security-Policy" content="[^"]+">\n/,
      );
      expect(html.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
    }
  });

  it("allows exactly the page's inline scripts by hash, and nothing inline otherwise", () => {
    const placeholders = new Set(Array.from({ length: HTL_PLACEHOLDERS }, (_, i) => scriptHash(`::${i}`)));
    for (const path of pages()) {
      const html = readFileSync(path, "utf8");
      const policy = pagePolicy(html) ?? "";
      const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src ")) ?? "";
      const hashes = [...scriptSrc.matchAll(/'(sha256-[^']+)'/g)].map((m) => m[1]).filter((h) => !placeholders.has(h));
      const scripts = inlineScripts(html);
      expect(scripts.length, relative(DIST, path)).toBeGreaterThan(0);
      expect(new Set(hashes), relative(DIST, path)).toEqual(new Set(scripts.map(scriptHash)));
      expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:/);
      expect(policy).toContain("connect-src 'self'");
      expect(policy).toContain("object-src 'none'");
    }
  });
});

describe("the embeds in dist/", () => {
  it("builds the exported modules, which export NetworkChart and TimelineChart", () => {
    for (const [file, name] of [
      ["network", "NetworkChart"],
      ["timeline", "TimelineChart"],
    ]) {
      const entry = readFileSync(join(DIST, "embed", `${file}.js`), "utf8");
      const target = /export \* from "(\.\.\/_import\/embed\/[^"]+\.js)"/.exec(entry)?.[1];
      expect(target, entry).toBeDefined();
      const module = readFileSync(join(DIST, "embed", target as string), "utf8");
      expect(module).toContain(`export async function ${name}(`);
    }
  });

  it("keeps the embed pages out of the navigation", () => {
    for (const path of pages().filter((p) => !relative(DIST, p).startsWith("embed/"))) {
      expect(readFileSync(path, "utf8"), relative(DIST, path)).not.toMatch(/href="[^"]*embed\//);
    }
    const embed = readFileSync(join(DIST, "embed", "network.html"), "utf8");
    expect(embed).not.toContain('id="observablehq-sidebar"');
    expect(embed).not.toContain('id="observablehq-footer"');
  });
});
