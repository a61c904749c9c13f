/**
 * The site's Content-Security-Policy. `npm run build` (scripts/build.ts)
 * writes it into every built HTML page as the first element of <head>, with
 * the SHA-256 of each inline script Framework emitted in that page (so no
 * 'unsafe-inline' for scripts); the static server (scripts/static-server.ts)
 * sends the page's policy as a header too, adding `frame-ancestors *` (which
 * a <meta> policy cannot carry) so other sites may frame the embed pages.
 *
 * What it allows: connections, scripts and everything else from the site's
 * own origin only; DuckDB-WASM's WebAssembly ('wasm-unsafe-eval'); workers
 * from the site and from blob: URLs; images from the site, data: and blob:
 * (the exports); inline styles (Framework and d3 set style attributes). No
 * plugins (object-src 'none'), no <base> elsewhere.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { builtPages } from "./built-pages.js";

/**
 * Observable Inputs builds its widgets with htl, which writes each event
 * handler as a placeholder attribute (`oninput="::7"`, the index of the
 * template's value) in an inert template and swaps it for a listener right
 * after cloning; Chromium checks the placeholder against script-src as the
 * clone is made and logs a violation. The placeholders "::0" … "::15" (the
 * highest Inputs uses is 11, textarea's onkeydown) are allowed by hash with
 * 'unsafe-hashes': each is a syntax error as script, so allowing them allows
 * nothing to run. Any other inline handler is still refused.
 */
export const HTL_PLACEHOLDERS = 16;

/** The policy with the given script hashes ("sha256-…"), directives in a fixed order. */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  const placeholders = Array.from({ length: HTL_PLACEHOLDERS }, (_, i) => `'${scriptHash(`::${i}`)}'`);
  const scripts = [
    "'self'",
    ...[...new Set(scriptHashes)].map((h) => `'${h}'`),
    "'unsafe-hashes'",
    ...placeholders,
    "'wasm-unsafe-eval'",
  ];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

/** What only the response header can say: any site may frame the pages (embeds, slides). */
export const HEADER_ONLY_DIRECTIVES = "frame-ancestors *";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;

/** The text of each inline script (no src attribute) in a page, as the browser hashes it. */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const match of html.matchAll(SCRIPT)) {
    if (/\ssrc\s*=/i.test(` ${match[1]}`)) continue;
    out.push(match[2]);
  }
  return out;
}

/** "sha256-<base64>" of a script's text (UTF-8). */
export function scriptHash(text: string): string {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

/** The policy a page carries in its <meta>, or null. */
export function pagePolicy(html: string): string | null {
  const match = META.exec(html);
  return match
    ? match[1]
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&")
    : null;
}

/** The page with its policy as the first element of <head> (replacing an older one). */
export function withPolicy(html: string): string {
  const clean = html.replace(new RegExp(`${META.source}\\n?`, "i"), "");
  const policy = contentSecurityPolicy(inlineScripts(clean).map(scriptHash));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const head = /<head\b[^>]*>/i.exec(clean);
  if (!head) throw new Error("no <head> in the page");
  const at = head.index + head[0].length;
  return `${clean.slice(0, at)}\n${meta}${clean.slice(at)}`;
}

/** Writes the policy into every HTML page under dir; returns the pages and inline scripts covered. */
export function applyPolicy(dir: string): { pages: number; scripts: number } {
  let scripts = 0;
  const pages = builtPages(dir).map((page) => join(dir, page));
  for (const path of pages) {
    const html = readFileSync(path, "utf8");
    const next = withPolicy(html);
    scripts += inlineScripts(next).length;
    if (next !== html) writeFileSync(path, next);
  }
  return { pages: pages.length, scripts };
}
