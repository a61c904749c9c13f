/**
 * The build as a user runs it (`npm run build`), and what it leaves in dist/:
 * a failed build leaves nothing, a good one references no outside host, its
 * tables hold exactly what the records say, the loaders are deterministic, and
 * so is the whole build (two builds, the same bytes).
 *
 * The tests run in order and share dist/: (a) removes it, (b) builds it, the
 * rest read it. Run with `npx vitest run --project build --no-file-parallelism`.
 */
import { type SpawnOptions, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Table, tableFromIPC } from "apache-arrow";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { TablesManifest } from "../../src/lib/model/contracts.js";
import { tableColumns } from "../../src/lib/model/schema.js";
import type { TableName } from "../../src/lib/model/tables.js";
import { TABLE_NAMES } from "../../src/lib/model/tables.js";
import { readParts } from "../../src/lib/pipeline/parts-file.js";
import {
  dateText,
  effectiveDate,
  expectedStatus,
  type Plain,
  precisionOf,
  readYamlRecords,
  recordCounts,
  spanOf,
} from "./records.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DATA = join(ROOT, "data");
const DIST = join(ROOT, "dist");
const CACHE = join(ROOT, "src/.observablehq/cache/data");
const BUILD_TIMEOUT = 10 * 60_000;

interface RunResult {
  code: number | null;
  stdout: Buffer;
  stderr: Buffer;
  /** stdout then stderr, as text. */
  output: string;
}

/** Runs a command in the project (async, so vitest's timeouts still work). */
function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeout?: number } = {}) {
  return new Promise<RunResult>((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", ...options.env };
    // An inherited ACCORD_DATA_DIR would silently build other data.
    if (!options.env || !("ACCORD_DATA_DIR" in options.env)) delete env.ACCORD_DATA_DIR;
    const spawnOptions: SpawnOptions = { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] };
    const child = spawn(command, args, spawnOptions);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`${command} ${args.join(" ")} timed out`));
    }, options.timeout ?? BUILD_TIMEOUT);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out);
      const stderr = Buffer.concat(err);
      resolve({ code, stdout, stderr, output: `${stdout.toString("utf8")}\n${stderr.toString("utf8")}` });
    });
  });
}

/** Every file under dir, as paths relative to dir with forward slashes. */
function walk(dir: string): string[] {
  const files: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else files.push(relative(dir, path).split(sep).join("/"));
    }
  };
  if (existsSync(dir)) visit(dir);
  return files.sort();
}

/** The 1-based line of the first line of text matching re (after line `after`). */
function lineOf(text: string, re: RegExp, after = 0): number {
  const lines = text.split("\n");
  for (let i = after; i < lines.length; i++) if (re.test(lines[i])) return i + 1;
  throw new Error(`no line matches ${re}`);
}

function replaceLine(text: string, line: number, from: string | RegExp, to: string): string {
  const lines = text.split("\n");
  const before = lines[line - 1];
  lines[line - 1] = before.replace(from, to);
  if (lines[line - 1] === before) throw new Error(`line ${line} unchanged: ${before}`);
  return lines.join("\n");
}

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe.sequential("npm run build", () => {
  it(
    "(a) fails on bad records, lists every problem with file:line and field, and leaves no dist/ nor cached table",
    async () => {
      const bad = mkdtempSync(join(tmpdir(), "accord-bad-data-"));
      temps.push(bad);
      cpSync(DATA, bad, { recursive: true });

      // 1. An unknown sector, in the 8th JMC event file.
      const jmc8 = join(bad, "events/2025-02-10-jmc-8-minsk.yaml");
      let text = readFileSync(jmc8, "utf8");
      const jmc8Doc = parse(text) as { commitments: Plain[] };
      const talksIndex = jmc8Doc.commitments.findIndex((c) => c.id === "pk-by-jmc-8-labour-talks");
      expect(talksIndex).toBeGreaterThanOrEqual(0);
      const sectorLine = lineOf(text, /^\s+sector:/, lineOf(text, /id: pk-by-jmc-8-labour-talks\s*$/));
      text = replaceLine(text, sectorLine, /sector: \S+/, "sector: space_tourism");
      writeFileSync(jmc8, text);

      // 2. A javascript: URL, in the sources registry (first source).
      const sourcesFile = join(bad, "sources.yaml");
      text = readFileSync(sourcesFile, "utf8");
      const urlLine = lineOf(text, /^\s+url:/);
      text = replaceLine(text, urlLine, /url: .*/, "url: javascript:alert(document.domain)");
      writeFileSync(sourcesFile, text);

      // 3. A malformed date, in another event file.
      const jmc7 = join(bad, "events/2024-09-24-jmc-7-islamabad.yaml");
      text = readFileSync(jmc7, "utf8");
      const dateLine = lineOf(text, /^\s+start_date:/);
      text = replaceLine(text, dateLine, /start_date: .*/, "start_date: 24.09.2024");
      writeFileSync(jmc7, text);

      // A previous good build must not survive a failed one (nor its cached tables).
      const hadDist = existsSync(join(DIST, "index.html"));

      const result = await run("npx", ["tsx", "scripts/build.ts"], { env: { ACCORD_DATA_DIR: bad } });
      expect(result.code, result.output).not.toBe(0);
      const problemLines = result.output.split("\n").filter((l) => l.startsWith("error "));
      const expectLine = (file: string, line: number, field: string, words: RegExp) => {
        const hit = problemLines.find((l) => l.includes(`${file}:${line}`));
        expect(hit, `no problem reported at ${file}:${line} in:\n${result.output}`).toBeDefined();
        expect(hit).toContain(field);
        expect(hit).toMatch(words);
      };
      expectLine(
        "events/2025-02-10-jmc-8-minsk.yaml",
        sectorLine,
        `commitments[${talksIndex}].sector`,
        /space_tourism/,
      );
      expectLine("sources.yaml", urlLine, "sources[0].url", /javascript/);
      expectLine("events/2024-09-24-jmc-7-islamabad.yaml", dateLine, "event.start_date", /24\.09\.2024/);
      expect(problemLines, result.output).toHaveLength(3);

      expect(existsSync(DIST), `dist/ left behind after a failed build (it existed before: ${hadDist})`).toBe(false);
      const cached = walk(CACHE).filter((f) => f.endsWith(".arrow") || f.endsWith(".parts"));
      expect(cached, "cached tables left in src/.observablehq/cache/data").toEqual([]);
    },
    BUILD_TIMEOUT,
  );

  it(
    "(a) fails on a story whose link the page would not show, with the story's file, line and field",
    async () => {
      const bad = mkdtempSync(join(tmpdir(), "accord-bad-story-"));
      temps.push(bad);
      cpSync(DATA, bad, { recursive: true });
      const file = join(bad, "stories/pakistan-belarus.yaml");
      let text = readFileSync(file, "utf8");
      const line = lineOf(text, /link: "\?sector=industry/);
      text = replaceLine(text, line, "sector=industry", "sector=space_tourism");
      writeFileSync(file, text);

      const result = await run("npx", ["tsx", "scripts/build.ts"], { env: { ACCORD_DATA_DIR: bad } });
      expect(result.code, result.output).not.toBe(0);
      const problemLines = result.output.split("\n").filter((l) => l.startsWith("error "));
      expect(problemLines, result.output).toHaveLength(1);
      expect(problemLines[0]).toMatch(
        new RegExp(
          `stories/pakistan-belarus\\.yaml:${line}:\\d+ {2}slides\\[1\\]\\.link {2}"sector=space_tourism" .*unknown sector`,
        ),
      );
      expect(existsSync(DIST), "dist/ left behind after a failed build").toBe(false);
    },
    BUILD_TIMEOUT,
  );

  it(
    "(a) fails on a SOURCE_DATE_EPOCH that is not whole seconds, naming it and its value, before building anything",
    async () => {
      const result = await run("npx", ["tsx", "scripts/build.ts"], { env: { SOURCE_DATE_EPOCH: "2026-12-07" } });
      expect(result.code, result.output).not.toBe(0);
      expect(result.output).toMatch(/^SOURCE_DATE_EPOCH is "2026-12-07": expected whole seconds since 1970-01-01 UTC/m);
      expect(result.output).not.toMatch(/is valid:/);
      expect(existsSync(DIST), "dist/ left behind after a failed build").toBe(false);
    },
    BUILD_TIMEOUT,
  );

  it(
    "(b) builds the default data",
    async () => {
      const result = await run("npm", ["run", "build"]);
      expect(result.code, result.output).toBe(0);
      for (const page of ["index.html", "sql.html", "data.html"]) expect(existsSync(join(DIST, page)), page).toBe(true);
    },
    BUILD_TIMEOUT,
  );

  it("(b) each page reads its local modules from its bundle (scripts/bundle-modules.ts), and what it preloads exists", () => {
    const pages = walk(DIST).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const page of pages) {
      const html = readFileSync(join(DIST, page), "utf8");
      const modules = [...html.matchAll(/(?:import\(|href=)"([^"]*_import\/[^"]+\.js)"/g)].map((m) => m[1]);
      const unbundled = modules.filter((m) => !m.includes("_import/_pages/"));
      expect(unbundled, page).toEqual([]);
      for (const [, href] of html.matchAll(/rel="modulepreload" href="([^"]+)"/g)) {
        expect(existsSync(join(DIST, dirname(page), href)), `${page} preloads ${href}`).toBe(true);
      }
    }
    const network = readFileSync(join(DIST, "network.html"), "utf8");
    expect(network).toMatch(
      /import\("\.\/_import\/_pages\/network\.[A-Z0-9]+\.js"\)\.then\(\(bundle\) => bundle\.m\d+\)/,
    );
  });

  describe("(c) dist/ references no outside host", () => {
    const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
    const isLocal = (url: string) => {
      if (/^(data|blob|about):/i.test(url)) return true;
      if (!/^([a-z][a-z0-9+.-]*:)?\/\//i.test(url)) return true; // relative: same site
      try {
        return LOOPBACK.has(new URL(url, "http://127.0.0.1/").hostname);
      } catch {
        return false;
      }
    };

    /**
     * Absolute URLs that may appear in dist/ because they are never requested.
     * Each entry says why it is inert; every other http(s) URL fails the test.
     */
    const ALLOWED: { file: RegExp; url: RegExp; why: string }[] = [
      {
        // DuckDB-WASM's library bundle has a helper, getJsDelivrBundles(), that
        // builds bundle URLs on jsDelivr. The app never calls it: db.ts passes
        // local bundles (import.meta.resolve of the files Framework copies into
        // dist/_node/@duckdb/duckdb-wasm@*/dist/), and the browser tests block
        // and fail on any outside request.
        file: /^_node\/@duckdb\/duckdb-wasm@[^/]+\/index\.[0-9a-f]+\.js$/,
        url: /^https:\/\/cdn\.jsdelivr\.net\/npm\/$/,
        why: "DuckDB-WASM getJsDelivrBundles() helper, never called (local bundles are passed)",
      },
      {
        // DuckDB-WASM's worker files hold its S3 support: a bare "https://"
        // prefix joined with a bucket and endpoint to turn s3://bucket/key into
        // an HTTPS URL. It names no host and runs only when a query reads an
        // s3:// path; the pages read tables inserted from local Arrow buffers.
        // The "early" file is the build's copy of the eh worker (scripts/early-engine.ts).
        file: /^_node\/@duckdb\/duckdb-wasm@[^/]+\/dist\/duckdb-browser-(mvp|eh|coi)\.(worker|early)\.[0-9a-f]+\.js$/,
        url: /^https:\/\/$/,
        why: "DuckDB-WASM S3 URL builder (bare https:// prefix, no host), used only for s3:// paths",
      },
      {
        // XML namespace names (SVG, XLink, XML, XMLNS, XHTML): identifiers passed
        // to createElementNS/setAttributeNS by htl, d3-selection and
        // d3-interpolate, and the xmlns attribute of inline SVG in data: URIs of
        // the theme CSS. A namespace name is never fetched.
        file: /\.(js|css|html)$/,
        url: /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink|XML\/1998\/namespace|2000\/xmlns\/?|1999\/xhtml)$/,
        why: "XML namespace name, an identifier that is never requested",
      },
      {
        // The record schema's words for a URL field ("an absolute http:// or
        // https:// URL"), in the /draft page's bundle (its live check uses the
        // schema): text shown in a problem, a bare prefix naming no host.
        file: /^_import\/(lib\/model\/fields\.[0-9a-f]+|_pages\/(draft|shared)\.[0-9A-Z]+)\.js$/,
        url: /^https?:\/\/$/,
        why: "the schema's description of a URL field (bare prefix, no host), shown in problems",
      },
      {
        // zod (the /draft page's live check, and the story row's schema): the JSON
        // Schema dialect ids its toJSONSchema() writes as $schema (identifiers, never
        // fetched), and a bare "http://[" prefix it parses to check an IPv6 address
        // offline. In its own file, and in the page bundles' chunks, which take zod
        // in (BUNDLED_PACKAGES in scripts/bundle-modules.ts).
        file: /^(_node\/zod@[^/]+\/index\.[0-9a-f]+|_import\/_pages\/(draft|shared)\.[0-9A-Z]+)\.js$/,
        url: /^(https?:\/\/json-schema\.org\/(draft\/2020-12\/schema|draft-07\/schema#|draft-04\/schema#)|http:\/\/)$/,
        why: "zod's JSON Schema dialect ids and IPv6 check prefix, never requested",
      },
      {
        // The deck builder (pptxgenjs and JSZip, bundled by src/data/deck-builder.js.ts,
        // loaded by /present's "Download .pptx"): the Office Open XML namespace names
        // and relationship types it writes into the .pptx (identifiers, never
        // fetched), and the documentation and licence links in its warnings and
        // licence comments.
        file: /^_file\/data\/deck-builder\.[0-9a-f]+\.js$/,
        url: /^(http:\/\/(schemas\.openxmlformats\.org|schemas\.microsoft\.com|purl\.org)\/\S*|http:\/\/www\.w3\.org\/2001\/XMLSchema-instance|https:\/\/gitbrent\.github\.io\/PptxGenJS\/docs\/\S*|https:\/\/github\.com(\/nodeca\/pako\/blob\/main\/LICENSE)?|https:\/\/raw\.github\.com\/Stuk\/jszip\/\S*|https:\/\/stuk\.github\.io\/jszip\/\S*|http:\/\/stuartk\.com\/jszip)$/,
        why: "Office Open XML namespace names and pptxgenjs/JSZip documentation and licence links, never requested",
      },
      {
        // wink-nlp's English model (the /draft page's drafter): an MDN page
        // named in the text of the error it throws on a browser without atob.
        file: /^_node\/wink-eng-lite-web-model@[^/]+\/index\.[0-9a-f]+\.js$/,
        url: /^https:\/\/developer\.mozilla\.org\/en-US\/docs\/Web\/API\/atob#browser_compatibility$/,
        why: "a documentation link in an error message of wink's model, never requested",
      },
      {
        // The network's GEXF and GraphML writer (src/data/graph-files.js.ts): the
        // formats' namespace names and schema locations, written as attributes
        // of the file it saves. Identifiers; the page never requests them.
        file: /^_file\/data\/graph-files\.[0-9a-f]+\.js$/,
        url: /^https?:\/\/\/?(www\.)?(gexf\.net\/[\w./]+|graphml\.graphdrawing\.org\/xmlns(\/1\.0\/graphml\.xsd)?|w3\.org\/2001\/XMLSchema-instance)$/,
        why: "GEXF and GraphML namespace names and schema locations in the graph files, never requested",
      },
    ];

    const scanned = () =>
      walk(DIST)
        .filter((f) => /\.(html|js|css)$/.test(f)) // .wasm and .arrow are skipped: binaries, and .arrow holds source links as data
        .map((f) => ({ file: f, text: readFileSync(join(DIST, f), "utf8") }));

    it("no http(s) URL to another host, except the commented allowlist", () => {
      const files = scanned();
      expect(files.length).toBeGreaterThan(10);
      const offending: string[] = [];
      const allowed: string[] = [];
      for (const { file, text } of files) {
        // Stops at quotes, whitespace, brackets and escapes: what ends a URL in JS, CSS and HTML.
        for (const match of text.matchAll(/https?:\/\/[^\s"'`<>()[\]{}\\,;]*/g)) {
          const url = match[0];
          if (isLocal(url)) continue;
          const rule = ALLOWED.find((a) => a.file.test(file) && a.url.test(url));
          if (rule) allowed.push(`${file}: ${url} (${rule.why})`);
          else offending.push(`${file}: ${url} …${text.slice(Math.max(0, match.index - 60), match.index + 80)}…`);
        }
      }
      expect(offending, `outside URLs in dist/:\n${offending.join("\n")}`).toEqual([]);
      // The allowlist is used (so a reader knows what it covers today).
      expect(allowed.some((a) => a.includes("cdn.jsdelivr.net"))).toBe(true);
    });

    it("no <link>, <script> or other src= in the HTML points off-site", () => {
      const offending: string[] = [];
      const pages = scanned().filter((f) => f.file.endsWith(".html"));
      expect(pages.map((p) => p.file)).toEqual(expect.arrayContaining(["index.html", "sql.html", "data.html"]));
      let tags = 0;
      for (const { file, text } of pages) {
        for (const tag of text.matchAll(
          /<(link|script|img|iframe|source|video|audio|embed|object|track|input)\b[^>]*>/gi,
        )) {
          tags += 1;
          for (const attr of tag[0].matchAll(
            /\b(href|src|srcset|data|poster)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi,
          )) {
            const value = attr[3] ?? attr[4] ?? attr[5] ?? "";
            for (const url of attr[1].toLowerCase() === "srcset"
              ? value.split(",").map((s) => s.trim().split(/\s+/)[0])
              : [value]) {
              if (!isLocal(url)) offending.push(`${file}: ${tag[0]}`);
            }
          }
        }
        for (const meta of text.matchAll(/<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*>/gi))
          offending.push(`${file}: ${meta[0]}`);
      }
      expect(tags).toBeGreaterThan(0); // the parser does see the pages' <link>s and <script>s
      expect(offending, offending.join("\n")).toEqual([]);
    });

    it("no CSS @import or url() points off-site (CSS files and HTML)", () => {
      const offending: string[] = [];
      let urls = 0;
      for (const { file, text } of scanned().filter((f) => /\.(css|html)$/.test(f.file))) {
        for (const m of text.matchAll(/@import\s+(?:url\(\s*)?(?:"([^"]*)"|'([^']*)'|([^\s;)]+))/gi)) {
          const url = m[1] ?? m[2] ?? m[3] ?? "";
          if (!isLocal(url)) offending.push(`${file}: @import ${url}`);
        }
        for (const m of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/gi)) {
          urls += 1;
          const url = m[1] ?? m[2] ?? m[3] ?? "";
          if (!isLocal(url)) offending.push(`${file}: url(${url.slice(0, 120)})`);
        }
      }
      expect(urls).toBeGreaterThan(0); // the parser does see the theme's url(data:…) icons
      expect(offending, offending.join("\n")).toEqual([]);
    });

    it("no CDN host in HTML, CSS or the app's own JS (_import, _observablehq)", () => {
      const HOSTS = [
        "cdn.jsdelivr.net",
        "fonts.googleapis.com",
        "fonts.gstatic.com",
        "unpkg.com",
        "esm.sh",
        "extensions.duckdb.org",
      ];
      const offending: string[] = [];
      const files = scanned().filter((f) => /\.(html|css)$/.test(f.file) || /^(_import|_observablehq)\//.test(f.file));
      expect(files.some((f) => f.file.startsWith("_import/"))).toBe(true);
      expect(files.some((f) => f.file.startsWith("_observablehq/"))).toBe(true);
      for (const { file, text } of files) {
        for (const host of HOSTS) if (text.includes(host)) offending.push(`${file}: ${host}`);
      }
      expect(offending, offending.join("\n")).toEqual([]);
    });
  });

  describe("(d) the tables hold what the records say", () => {
    const records = readYamlRecords(DATA);
    const tables = new Map<TableName, Table>();
    /** A table as the pages load it: every partition of dist/_file/data/<name>.<hash>.parts, per tables.json. */
    const table = (name: TableName): Table => {
      let t = tables.get(name);
      if (!t) {
        const dir = join(DIST, "_file/data");
        const one = (base: string, ext: string) => {
          const files = readdirSync(dir).filter((f) => new RegExp(`^${base}\\.[0-9a-f]+\\.${ext}$`).test(f));
          expect(files, `one ${base}.<hash>.${ext} in dist/_file/data`).toHaveLength(1);
          return join(dir, files[0]);
        };
        const manifest = JSON.parse(readFileSync(one("tables", "json"), "utf8")) as TablesManifest;
        const parts = readParts(readFileSync(one(name, "parts")), manifest.tables[name]);
        t = new Table(parts.flatMap((p) => p.batches));
        tables.set(name, t);
      }
      return t;
    };
    const rows = (name: TableName): Plain[] =>
      table(name)
        .toArray()
        .map((r) => r.toJSON() as Plain);
    const day = (v: unknown) => (v === null || v === undefined ? null : new Date(Number(v)).toISOString().slice(0, 10));
    const strings = (v: unknown) => (v === null ? null : [...(v as Iterable<string>)]);

    it("row counts equal the records counted from the YAML", () => {
      const expected = recordCounts(records);
      expect(expected.commitments).toBeGreaterThan(0);
      const actual = Object.fromEntries(TABLE_NAMES.map((name) => [name, table(name).numRows]));
      expect(actual).toEqual(expected);
    });

    it("columns are tableColumns(table), in order", () => {
      for (const name of TABLE_NAMES) {
        expect(
          table(name).schema.fields.map((f) => f.name),
          name,
        ).toEqual(tableColumns(name).map((c) => c.name));
      }
    });

    it("the 8th JMC event row", () => {
      const row = rows("events").find((r) => r.id === "pk-by-jmc-8");
      expect(row).toBeDefined();
      expect(row).toMatchObject({
        kind: "commission_session",
        status: "held",
        start_date: "2025-02-10",
        start_date_precision: "day",
        place: "Minsk",
        host_country: "BY",
        series: "Pakistan–Belarus Joint Ministerial Commission",
        session: 8,
        confidence: "high",
        end_date: null,
      });
      expect(day(row?.start_date_from)).toBe("2025-02-10");
      expect(day(row?.start_date_to)).toBe("2025-02-10");
      expect(strings(row?.source_ids)).toEqual(["urdupoint-2025-02-10-jmc8", "arabnews-2025-jmc8"]);
    });

    it("the 8th JMC labour-MoU commitment, with its status derived from its latest update", () => {
      const file = readYamlRecords(DATA).commitments.filter((c) => c.file === "events/2025-02-10-jmc-8-minsk.yaml");
      const seed = file.find(
        (c) => c.record.sector === "labour_migration" && /memorand/i.test(String(c.record.summary)),
      );
      expect(seed, "the labour-migration MoU-talks commitment in the 8th JMC file").toBeDefined();
      const id = String(seed?.record.id);
      expect(id).toBe("pk-by-jmc-8-labour-mou");
      const row = rows("commitments").find((r) => r.id === id);
      expect(row).toMatchObject({
        event_id: "pk-by-jmc-8",
        sector: "labour_migration",
        action: "committed",
        strength: "intent",
        source_id: "urdupoint-2025-02-10-jmc8",
        locator: "¶7",
        confidence: "high",
      });
      // Same values as the record, field by field.
      for (const key of ["sector", "action", "strength", "source_id", "locator", "summary"]) {
        expect(row?.[key], key).toBe(seed?.record[key]);
      }
      const status = expectedStatus(records, id);
      expect(status.updates).toBeGreaterThan(0);
      expect(status).toMatchObject({ status: "done", date: "2025-08-27" }); // signed in Islamabad, Aug 2025
      expect(row).toMatchObject({ status: status.status, status_date: status.date, update_count: status.updates });
      expect(row?.party_count).toBe((seed?.record.parties as unknown[] | undefined)?.length);
    });

    it("every commitment's derived status, status_date, update_count and party_count match the records", () => {
      const byId = new Map(rows("commitments").map((r) => [r.id, r]));
      const mismatches: string[] = [];
      for (const c of records.commitments) {
        const id = String(c.record.id);
        const row = byId.get(id);
        const want = expectedStatus(records, id);
        const parties = records.parties.filter((p) => p.commitment_id === id).length;
        const got = row ? [row.status, row.status_date, row.update_count, row.party_count] : "missing";
        const exp = [want.status, want.date, want.updates, parties];
        if (JSON.stringify(got) !== JSON.stringify(exp))
          mismatches.push(`${id}: got ${JSON.stringify(got)}, records say ${JSON.stringify(exp)}`);
      }
      expect(mismatches, mismatches.join("\n")).toEqual([]);
      // The data has both kinds, so inheritance below is really exercised.
      expect(records.statusUpdates.some((u) => u.record.date === undefined)).toBe(true);
    });

    it("commitments without a date take their event's start date, with its precision and span", () => {
      const byId = new Map(rows("commitments").map((r) => [r.id, r]));
      const mismatches: string[] = [];
      let inherited = 0;
      const precisions = new Set<string>();
      for (const c of records.commitments) {
        const own = dateText(c.record.date);
        if (!own) inherited += 1;
        const date = effectiveDate(c);
        expect(date, `${c.record.id} has a date`).toBeDefined();
        const want = {
          date,
          date_precision: precisionOf(date!),
          date_from: spanOf(date!).from,
          date_to: spanOf(date!).to,
        };
        precisions.add(want.date_precision);
        const row = byId.get(c.record.id);
        const got = row && {
          date: row.date,
          date_precision: row.date_precision,
          date_from: day(row.date_from),
          date_to: day(row.date_to),
        };
        if (JSON.stringify(got) !== JSON.stringify(want))
          mismatches.push(`${c.record.id}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
      }
      expect(mismatches, mismatches.join("\n")).toEqual([]);
      expect(inherited).toBeGreaterThan(0);
      expect(inherited).toBeLessThan(records.commitments.length); // some carry their own date
      expect(precisions.size).toBeGreaterThan(1); // month- or year-precise events are covered too
      // Literally: a labour-talks commitment of the 8th JMC has no date; it is the event's day.
      expect(byId.get("pk-by-jmc-8-labour-talks")).toMatchObject({ date: "2025-02-10", date_precision: "day" });
    });
  });

  it("(d) the overview's build-time seed (overview.json) has the records' headline numbers", () => {
    const dir = join(DIST, "_file/data");
    const file = readdirSync(dir).find((f) => /^overview\.[0-9a-f]+\.json$/.test(f));
    if (!file) return; // the pages do not use a seed (any more)
    const seed = JSON.parse(readFileSync(join(dir, file), "utf8")) as {
      headline: Record<string, number>;
      options: Record<string, unknown[]>;
    };
    const records = readYamlRecords(DATA);
    const ids = records.commitments.map((c) => String(c.record.id));
    const statuses = ids.map((id) => expectedStatus(records, id).status);
    const count = (wanted: string[]) => statuses.filter((s) => wanted.includes(s)).length;
    const government = new Set(records.institutions.filter((i) => i.type === "government").map((i) => i.id));
    // Institutions named only generically ("relevant ministries") are counted apart from named ones.
    const generic = new Set(records.institutions.filter((i) => i.naming === "generic").map((i) => i.id));
    const bound = new Set(records.parties.map((p) => p.institution_id));
    expect(seed.headline).toEqual({
      commitments: ids.length,
      with_progress: count(["in_progress", "done"]),
      done: count(["done"]),
      stalled: count(["stalled", "dropped"]),
      events: new Set(records.commitments.map((c) => c.record.event_id ?? c.event?.id)).size,
      sectors: new Set(records.commitments.map((c) => c.record.sector)).size,
      institutions: [...bound].filter((id) => !government.has(id) && !generic.has(id)).length,
      generic_institutions: [...bound].filter((id) => generic.has(id)).length,
      total: ids.length,
    });
    expect(seed.options.sector).toHaveLength(records.sectors.length);
    expect(seed.options.institution).toHaveLength(records.institutions.length);
  });

  it(
    "(e) the commitments loader is deterministic and reconciles read and written",
    async () => {
      const first = await run("npx", ["tsx", "src/data/commitments.arrow.ts"], { timeout: 120_000 });
      const second = await run("npx", ["tsx", "src/data/commitments.arrow.ts"], { timeout: 120_000 });
      expect(first.code, first.output).toBe(0);
      expect(second.code, second.output).toBe(0);
      expect(first.stdout.length).toBeGreaterThan(0);
      expect(Buffer.compare(first.stdout, second.stdout), "two runs wrote different bytes").toBe(0);
      const expected = recordCounts(readYamlRecords(DATA)).commitments;
      for (const r of [first, second]) {
        const summary = r.stderr.toString("utf8");
        const m = /read (\d+) records?\b.*\bwrote (\d+) rows?/.exec(summary);
        expect(m, summary).not.toBeNull();
        expect(Number(m?.[1])).toBe(expected);
        expect(Number(m?.[2])).toBe(expected);
      }
      expect(tableFromIPC(first.stdout).numRows).toBe(expected);
    },
    BUILD_TIMEOUT,
  );

  it(
    "(f) the partitioned commitments the pages load are deterministic and what dist/ serves",
    async () => {
      const first = await run("npx", ["tsx", "src/data/commitments.parts.ts"], { timeout: 120_000 });
      const second = await run("npx", ["tsx", "src/data/commitments.parts.ts"], { timeout: 120_000 });
      expect(first.code, first.output).toBe(0);
      expect(second.code, second.output).toBe(0);
      expect(Buffer.compare(first.stdout, second.stdout), "two runs wrote different bytes").toBe(0);
      const expected = recordCounts(readYamlRecords(DATA)).commitments;
      const m = /commitments\.parts: (\d+) rows in (\d+) partitions?/.exec(first.stderr.toString("utf8"));
      expect(m, first.output).not.toBeNull();
      expect(Number(m?.[1])).toBe(expected);
      // The same bytes as the file Framework put in dist/ from the same records.
      const dir = join(DIST, "_file/data");
      const built = readdirSync(dir).find((f) => /^commitments\.[0-9a-f]+\.parts$/.test(f));
      expect(built).toBeDefined();
      expect(Buffer.compare(first.stdout, readFileSync(join(dir, built!))), "loader output differs from dist/").toBe(0);
    },
    BUILD_TIMEOUT,
  );

  it(
    "(g) a second build from the same input is byte-identical, even with the loaders' files touched (another checkout)",
    async () => {
      const first = mkdtempSync(join(tmpdir(), "accord-first-build-"));
      temps.push(first);
      cpSync(DIST, first, { recursive: true });
      // Framework hashed a loader's modification time into the names of the modules that read its file.
      const loaders = join(ROOT, "src/data");
      const now = new Date();
      for (const file of readdirSync(loaders).filter((f) => f.endsWith(".ts")))
        utimesSync(join(loaders, file), now, now);

      const result = await run("npm", ["run", "build"]);
      expect(result.code, result.output).toBe(0);
      const files = walk(DIST);
      expect(files).toEqual(walk(first));
      expect(files.length).toBeGreaterThan(50);
      const differ = files.filter(
        (f) => Buffer.compare(readFileSync(join(DIST, f)), readFileSync(join(first, f))) !== 0,
      );
      expect(differ, "files whose bytes differ between the two builds").toEqual([]);
      // What Framework states as each file's lastModified is the build's date (scripts/build-date.ts), not a clock.
      const html = readFileSync(join(DIST, "sql.html"), "utf8");
      expect([...new Set(html.match(/"lastModified":\d+/g))]).toEqual(['"lastModified":0']);
    },
    BUILD_TIMEOUT,
  );
});
