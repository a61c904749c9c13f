import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../devtools/project-paths.js";
import { accessibleShell, SKIP_LINK } from "../../scripts/page-shell.js";

/** The shell as Framework 1.13.4 writes it (render.js), trimmed to what the step touches. */
const FRAMEWORK_PAGE = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
</head>
<body>
<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">
<label id="observablehq-sidebar-backdrop" for="observablehq-sidebar-toggle"></label>
<nav id="observablehq-sidebar">
  <ol>
    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>
    <li class="observablehq-link"><a href="./">Accord Atlas</a></li>
  </ol>
  <ol>
    <li class="observablehq-link"><a href="./network">Network</a></li>
  </ol>
</nav>
<div id="observablehq-center">
<main id="observablehq-main" class="observablehq">
</main>
<footer id="observablehq-footer">
<nav><a rel="next" href="./timeline"><span>Timeline</span></a></nav>
<div>Accord Atlas</div>
</footer>
</div>
</body>
</html>
`;

describe("accessibleShell", () => {
  const page = accessibleShell(FRAMEWORK_PAGE);

  it("names the language, allows zoom and puts the skip link first in the body", () => {
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('content="width=device-width, initial-scale=1"');
    expect(page).toContain(`<body>\n${SKIP_LINK}\n<input id="observablehq-sidebar-toggle"`);
  });

  it("keeps only list items in the sidebar's lists and names the toggle, the sidebar and the pager", () => {
    const lists = [...page.matchAll(/<ol>([\s\S]*?)<\/ol>/g)].map((m) => m[1]);
    expect(lists).toHaveLength(2);
    for (const list of lists) expect(list.replace(/<li[\s\S]*?<\/li>/g, "").trim()).toBe("");
    expect(page).toContain('<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>');
    expect(page).toContain('aria-label="Show the list of pages"');
    expect(page).toContain('<nav id="observablehq-sidebar" aria-label="Pages">');
    expect(page).toContain('<nav aria-label="Previous and next page">');
  });

  it("changes nothing more the second time", () => {
    expect(accessibleShell(page)).toBe(page);
  });

  it("matches the shell of the Framework the project uses", () => {
    const render = readFileSync(join(ROOT, "node_modules/@observablehq/framework/dist/render.js"), "utf8");
    for (const written of [
      "<html>",
      'content="width=device-width, initial-scale=1, maximum-scale=1"',
      '<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">',
      '<nav id="observablehq-sidebar">',
      '<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>',
    ]) {
      expect(render, `Framework no longer writes ${written}; update scripts/page-shell.ts`).toContain(written);
    }
  });
});
