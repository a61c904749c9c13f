import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  componentRules,
  embedStylesheet,
  isComponentSelector,
  rootDeclarations,
  topLevelBlocks,
} from "../../../src/lib/pipeline/embed-css.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

describe("the embed stylesheet", () => {
  it("splits a sheet into top-level blocks, past comments and braces in strings", () => {
    const css = `@import url("x.css");\n/* a { } */\n.a { content: "}"; }\n@media (min-width: 1px) { .b { x: 1 } }`;
    expect(topLevelBlocks(css)).toEqual([
      { prelude: '@import url("x.css")', body: null },
      { prelude: ".a", body: ' content: "}"; ' },
      { prelude: "@media (min-width: 1px)", body: " .b { x: 1 } " },
    ]);
  });

  it("keeps only the components' own rules", () => {
    expect(isComponentSelector(".aa-net, .aa-net-svg circle")).toBe(true);
    expect(isComponentSelector(".aa-net, body")).toBe(false);
    expect(isComponentSelector("#observablehq-main .aa-net-controls")).toBe(false);
    const css = `body { margin: 0 }\n.aa-x { color: red }\n.card .aa-y { a: b }\n@keyframes aa-spin { to { rotate: 1turn } }\n@keyframes other { }\n@media (max-width: 640px) { .aa-z { a: b } h1 { c: d } }\n@media print { h1 { a: b } }`;
    expect(componentRules(css)).toEqual([
      ".aa-x { color: red }",
      "@keyframes aa-spin { to { rotate: 1turn } }",
      "@media (max-width: 640px) {\n.aa-z { a: b }\n}",
    ]);
  });

  it("reads :root variables", () => {
    expect(rootDeclarations(":root { --a: 1; --b: var(--a) }\nh1 { --c: 2 }")).toEqual(["--a: 1", "--b: var(--a)"]);
  });

  it("carries Framework's light and dark themes, forced by data-theme, and the components' rules of style.css", () => {
    const require = createRequire(import.meta.url);
    const styleDir = join(dirname(require.resolve("@observablehq/framework/package.json")), "dist/style");
    const read = (path: string) => readFileSync(path, "utf8");
    const css = embedStylesheet({
      light: [read(join(styleDir, "abstract-light.css")), read(join(styleDir, "theme-air.css"))],
      dark: [read(join(styleDir, "abstract-dark.css")), read(join(styleDir, "theme-near-midnight.css"))],
      style: read(join(ROOT, "src/style.css")),
      embed: read(join(ROOT, "src/components/embed.css")),
    });
    const blocks = topLevelBlocks(css);
    const dark = blocks.find((b) => b.prelude.includes('.aa-embed[data-theme="dark"]'));
    expect(dark?.body).toContain("--theme-foreground: #dfdfd6");
    expect(dark?.body).toContain("color-scheme: dark");
    const light = blocks.find((b) => b.prelude === ".aa-embed");
    expect(light?.body).toContain("--theme-background-a: #ffffff");
    expect(light?.body).toContain("--aa-status-done");
    // style.css's readable muted grey wins over each theme's own, also where data-theme forces a theme.
    for (const prelude of ['.aa-embed[data-theme="light"]', '.aa-embed[data-theme="dark"]', ".aa-embed"]) {
      const body = blocks.find((b) => b.prelude.includes(prelude))?.body ?? "";
      const muted = [...body.matchAll(/--theme-foreground-muted: ([^;]+)/g)].map((m) => m[1].trim());
      expect(muted.at(-1), prelude).toBe("color-mix(in srgb, var(--theme-foreground) 70%, var(--theme-background))");
    }
    // The chart's rules come from style.css; nothing styles the host page's own elements.
    expect(css).toContain(".aa-net-tooltip {");
    expect(css).toContain(".aa-legend {");
    for (const b of blocks) {
      if (b.prelude.startsWith("@")) continue;
      expect(b.prelude.split(",").every((s) => /^\s*(\.aa-|:root\[data-aa-)/.test(s))).toBe(true);
    }
  });
});
