// The stylesheet embedded charts bring with them (the embed pages and the
// exported modules load it): theme variables and the components' rules from
// src/style.css, so a chart on another site looks as it does here. See
// src/lib/pipeline/embed-css.ts.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { embedStylesheet } from "../lib/pipeline/embed-css.js";

const src = fileURLToPath(new URL("../", import.meta.url));
const require = createRequire(import.meta.url);
const framework = dirname(require.resolve("@observablehq/framework/package.json"));
const theme = (name: string) => readFileSync(join(framework, "dist/style", name), "utf8");

const css = embedStylesheet({
  light: [theme("abstract-light.css"), theme("theme-air.css")],
  dark: [theme("abstract-dark.css"), theme("theme-near-midnight.css")],
  style: readFileSync(join(src, "style.css"), "utf8"),
  embed: readFileSync(join(src, "components/embed.css"), "utf8"),
});
process.stdout.write(css);
process.stderr.write(`embed.css: ${css.length} bytes\n`);
