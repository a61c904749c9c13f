/**
 * The page shell Framework 1.13 writes, made accessible (WCAG 2.1 AA, see
 * docs/accessibility.md). `npm run build` (scripts/build.ts) applies it to
 * every built page, after Framework and before the Content-Security-Policy:
 *
 * - the page's language: `<html lang="en">`;
 * - zoom allowed: no `maximum-scale=1` in the viewport;
 * - a "Skip to main content" link first in the body (shown when focused);
 * - the sidebar's close button (a `<label>`) moved out of its `<ol>`, where
 *   only list items may be; the sidebar toggle named by more than its title;
 * - the sidebar and the pager named, so their two `<nav>`s differ.
 *
 * Each change checks that Framework wrote what it expects; a page that does
 * not match is left as it is for that change (the accessibility tests then
 * say what is missing), so a Framework upgrade cannot break the build here.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { builtPages } from "./built-pages.js";

/** The skip link; styled by .aa-skip-link in src/style.css. */
export const SKIP_LINK = '<a class="aa-skip-link" href="#observablehq-main">Skip to main content</a>';

const SIDEBAR_CLOSE =
  /(<ol>\s*)(<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"><\/label>\s*)/;

/** The page with the accessible shell; applying it twice changes nothing more. */
export function accessibleShell(html: string): string {
  let next = html.replace(/<html>/, '<html lang="en">');
  next = next.replace(
    /(<meta name="viewport" content="[^"]*?), maximum-scale=1(")/,
    (_, before: string, after: string) => `${before}${after}`,
  );
  if (!next.includes(SKIP_LINK)) next = next.replace(/(<body>)/, `$1\n${SKIP_LINK}`);
  next = next.replace(SIDEBAR_CLOSE, (_, ol: string, label: string) => `${label}${ol}`);
  next = next.replace(
    '<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">',
    '<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar" aria-label="Show the list of pages">',
  );
  next = next.replace('<nav id="observablehq-sidebar">', '<nav id="observablehq-sidebar" aria-label="Pages">');
  next = next.replace(/(<footer id="observablehq-footer">\s*)<nav>/, '$1<nav aria-label="Previous and next page">');
  return next;
}

/** Applies the accessible shell to every page under dir; returns how many pages changed. */
export function applyShell(dir: string): number {
  let changed = 0;
  for (const page of builtPages(dir)) {
    const html = readFileSync(join(dir, page), "utf8");
    const next = accessibleShell(html);
    if (next !== html) {
      writeFileSync(join(dir, page), next);
      changed += 1;
    }
  }
  return changed;
}
