/**
 * The HTML pages of a built site: every `.html` file under dist/, relative to
 * it, sorted, Framework's own folders (`_import`, `_node`, `_observablehq`,
 * `_file`) skipped. Shared by the build's steps over pages (bundle-modules.ts,
 * page-shell.ts, csp.ts).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

export function builtPages(dist: string, dir = ""): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(join(dist, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !entry.name.startsWith("_")) pages.push(...builtPages(dist, path));
    else if (entry.isFile() && entry.name.endsWith(".html")) pages.push(path);
  }
  return pages.sort();
}
