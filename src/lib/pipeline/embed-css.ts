/**
 * The stylesheet an embedded chart brings with it (written by the loader
 * src/data/embed.css.ts). A chart exported as a module renders into another
 * site's page, which has neither Framework's theme nor src/style.css; the
 * embed pages have both but need the forced light/dark theme. So the sheet
 * holds:
 *
 * - the theme's colour variables on `.aa-embed` (light, dark when the system
 *   prefers it, and forced with `data-theme`), read from Framework's own
 *   air / near-midnight theme files and from src/style.css's `:root`;
 * - every rule of src/style.css whose selectors all start with `.aa-` (the
 *   components' own classes, harmless on another page), with the `@keyframes
 *   aa-…` and `@media` blocks around such rules;
 * - the embed's own rules (src/components/embed.css).
 *
 * One source for the components' look: a change in style.css reaches the
 * embeds at the next build.
 */

export interface CssBlock {
  /** The selector or at-rule before the braces (trimmed), or the whole statement for `@import …;`. */
  prelude: string;
  /** What is between the braces; null for a statement without a block. */
  body: string | null;
}

/** Splits a stylesheet into its top-level blocks, skipping comments (strings may hold braces). */
export function topLevelBlocks(css: string): CssBlock[] {
  const blocks: CssBlock[] = [];
  let depth = 0;
  let prelude = "";
  let body = "";
  let i = 0;
  while (i < css.length) {
    const ch = css[i];
    if (ch === "/" && css[i + 1] === "*") {
      const end = css.indexOf("*/", i + 2);
      i = end < 0 ? css.length : end + 2;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== ch) j += css[j] === "\\" ? 2 : 1;
      const text = css.slice(i, j + 1);
      if (depth === 0) prelude += text;
      else body += text;
      i = j + 1;
      continue;
    }
    if (ch === "{") {
      if (depth > 0) body += ch;
      depth += 1;
    } else if (ch === "}") {
      depth -= 1;
      if (depth === 0) {
        blocks.push({ prelude: prelude.trim(), body });
        prelude = "";
        body = "";
      } else if (depth > 0) body += ch;
      else depth = 0; // a stray brace: ignore it
    } else if (ch === ";" && depth === 0) {
      if (prelude.trim()) blocks.push({ prelude: prelude.trim(), body: null });
      prelude = "";
    } else if (depth === 0) prelude += ch;
    else body += ch;
    i += 1;
  }
  return blocks;
}

/** The declarations of the `:root { … }` blocks of a sheet, in order. */
export function rootDeclarations(css: string): string[] {
  return topLevelBlocks(css)
    .filter((b) => b.prelude === ":root" && b.body !== null)
    .flatMap((b) =>
      (b.body ?? "")
        .split(";")
        .map((d) => d.trim())
        .filter(Boolean),
    );
}

/** True when every selector of a rule is one of the components' own classes. */
export function isComponentSelector(prelude: string): boolean {
  const selectors = prelude.split(",").map((s) => s.trim());
  return selectors.length > 0 && selectors.every((s) => /^\.aa-[\w-]/.test(s));
}

function print(block: CssBlock): string {
  return block.body === null ? `${block.prelude};` : `${block.prelude} {${block.body}}`;
}

/** The component rules of a sheet: `.aa-…` rules, `@keyframes aa-…`, and `@media` blocks of such rules. */
export function componentRules(css: string): string[] {
  const out: string[] = [];
  for (const block of topLevelBlocks(css)) {
    if (block.body === null) continue;
    if (/^@keyframes\s+aa-/.test(block.prelude)) out.push(print(block));
    else if (/^@media\b/.test(block.prelude)) {
      const inner = componentRules(block.body);
      if (inner.length) out.push(`${block.prelude} {\n${inner.join("\n")}\n}`);
    } else if (!block.prelude.startsWith("@") && isComponentSelector(block.prelude)) out.push(print(block));
  }
  return out;
}

export interface EmbedCssInput {
  /** Framework's abstract-light.css and theme-air.css, in that order. */
  light: string[];
  /** Framework's abstract-dark.css and theme-near-midnight.css, in that order. */
  dark: string[];
  /** src/style.css. */
  style: string;
  /** src/components/embed.css. */
  embed: string;
}

const block = (selector: string, declarations: readonly string[]) =>
  `${selector} {\n${declarations.map((d) => `  ${d};`).join("\n")}\n}`;

/** The embed stylesheet (see the module comment). */
export function embedStylesheet(input: EmbedCssInput): string {
  const light = input.light.flatMap(rootDeclarations);
  const dark = input.dark.flatMap(rootDeclarations);
  const shared = rootDeclarations(input.style);
  // style.css's own values of the theme's variables (the readable muted and faint greys) follow each theme's.
  const overrides = shared.filter((d) => d.startsWith("--theme-"));
  const themed = (theme: string[]) => [...theme, ...overrides];
  if (!light.length || !dark.length) throw new Error("embed.css: no theme variables found in Framework's theme files");
  return [
    "/* Accord Atlas: the embedded charts' styles, generated by src/data/embed.css.ts from src/style.css,",
    "   Framework's air and near-midnight themes, and src/components/embed.css. Do not edit. */",
    block(".aa-embed", [
      ...light,
      ...shared,
      "color: var(--theme-foreground)",
      "background: var(--theme-background)",
      "font: 14px / 1.5 var(--sans-serif)",
    ]),
    `@media (prefers-color-scheme: dark) {\n${block(".aa-embed:not([data-theme])", themed(dark))}\n}`,
    block(':root[data-aa-theme="light"], .aa-embed[data-theme="light"]', themed(light)),
    block(':root[data-aa-theme="dark"], .aa-embed[data-theme="dark"]', themed(dark)),
    ...componentRules(input.style),
    input.embed.trim(),
    "",
  ].join("\n");
}
