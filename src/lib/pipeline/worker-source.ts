/**
 * How to start a worker thread on one of the pipeline's modules (Node only).
 * Built, the module is a .js file a worker loads as is; run from TypeScript
 * sources (tsx, vitest), a worker thread inherits no loader for them, so it
 * is started from a few lines of code that register tsx's loader first and
 * then load the module.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** The file of a pipeline module beside this one, `.ts` under tsx or vitest and `.js` when built. */
export function pipelineModule(name: string): URL {
  return new URL(`./${name}${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);
}

/**
 * What to hand `new Worker` for `module` (pass `eval: true` when it is a
 * string); undefined when the module is TypeScript and tsx cannot be found.
 */
export function workerSource(module: URL): URL | string | undefined {
  if (!module.href.endsWith(".ts")) return module;
  const tsx = resolveTsx();
  if (!tsx) return undefined;
  return `import(${JSON.stringify(tsx)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(module.href)}); });`;
}

/**
 * The ES module of tsx's API for registering its loader. Under vitest,
 * import.meta has no resolve: the module is found from tsx's package.json.
 */
function resolveTsx(): string | undefined {
  try {
    return import.meta.resolve("tsx/esm/api");
  } catch {
    try {
      const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
      const entry = JSON.parse(readFileSync(manifest, "utf8")).exports["./esm/api"].import.default;
      return pathToFileURL(join(dirname(manifest), entry)).href;
    } catch {
      return undefined;
    }
  }
}
