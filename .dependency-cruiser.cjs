/**
 * The import graph's rules, checked by `npm run check:imports` (dependency-cruiser):
 * no cycles; page-side code never reaches the Node-only build code or Node's
 * built-ins; src/ never imports the dev tooling; tests and benchmarks share
 * code only through devtools/. Type-only imports count (tsPreCompilationDeps).
 * Pages (src/*.md) are checked by test/cross/page-imports.test.ts instead.
 */

/** Page-side code: what runs in the browser. */
const PAGE_SIDE = "^src/(components|embed|lib/(client|model|sql|records|network|timeline))/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import cycle (type-only imports count): split the shared part into its own module.",
      from: { path: "^(src|scripts|test|bench|devtools)/" },
      to: { circular: true },
    },
    {
      name: "page-side-not-to-build",
      severity: "error",
      comment: "Page-side code runs in the browser: it never imports the Node-only pipeline or generator.",
      from: { path: PAGE_SIDE },
      to: { path: "^src/lib/(pipeline|generate)/" },
    },
    {
      name: "page-side-not-to-node",
      severity: "error",
      comment: "Page-side code runs in the browser: it never imports Node's built-in modules.",
      from: { path: PAGE_SIDE },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "src-not-to-tooling",
      severity: "error",
      comment: "The site's code never imports the tests, benchmarks, dev tooling or scripts.",
      from: { path: "^src/" },
      to: { path: "^(test|bench|devtools|scripts)/" },
    },
    {
      name: "test-not-to-bench",
      severity: "error",
      comment: "Tests never import benchmarks: what both need lives in devtools/.",
      from: { path: "^test/" },
      to: { path: "^bench/" },
    },
    {
      name: "bench-not-to-test",
      severity: "error",
      comment: "Benchmarks never import tests: what both need lives in devtools/.",
      from: { path: "^bench/" },
      to: { path: "^test/" },
    },
    {
      name: "devtools-not-to-test-or-bench",
      severity: "error",
      comment: "devtools/ is imported by tests and benchmarks, never the other way round.",
      from: { path: "^devtools/" },
      to: { path: "^(test|bench)/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment:
        "An import that does not resolve to a file would slip past every rule above; " +
        "only Framework's own modules (observablehq:…) resolve at build time.",
      from: {},
      to: { couldNotResolve: true, pathNot: "^observablehq:" },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "(^|/)node_modules/|^src/[.]observablehq/" },
    doNotFollow: { path: "(^|/)node_modules/" },
    // Packages' "exports" maps (csv-parse/sync, playwright-core), as Node and TypeScript read them.
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
