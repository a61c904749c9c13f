/**
 * A small static file server for Framework's built output (dist/), used by
 * `npm run preview` (scripts/serve.ts), the browser tests
 * (devtools/browser-harness.ts) and the benchmarks (bench/load.ts). No
 * dependencies: node:http, node:fs and node:zlib.
 *
 * - Clean URLs as Framework builds them: `/` → index.html, `/sql` →
 *   sql.html, `/dir/` → dir/index.html; `/sql.html` is served too.
 * - MIME types for what Framework emits, including `application/wasm` (needed
 *   for WebAssembly.instantiateStreaming) and `text/javascript`.
 * - Missing files get a 404 (dist/404.html when it exists).
 * - Gzip when the client accepts it (compressed once per file and kept in
 *   memory), so byte counts match what a real static host sends.
 * - Counts requests and bytes sent, so a benchmark can report page weight.
 * - Answers a single-range `Range: bytes=…` request with 206 and those bytes
 *   (uncompressed, as static hosts and object stores do), so a page can fetch
 *   some partitions of a table (src/lib/client/table-loader.ts); several ranges in
 *   one request get the whole file (200), which HTTP allows.
 * - `Access-Control-Allow-Origin: *` on every response, so another site can
 *   import the exported modules (/embed/network.js) and load the tables and
 *   wasm they fetch (docs/embedding.md).
 * - Each page's Content-Security-Policy (the <meta> the build wrote, see
 *   scripts/csp.ts) also as a header, with `frame-ancestors *`.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { HEADER_ONLY_DIRECTIVES, pagePolicy } from "./csp.js";

const gzip = promisify(gzipCallback);

export const MIME_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.stream",
  ".parquet": "application/vnd.apache.parquet",
  // Tables as the pages load them: gzip members of Arrow IPC (src/lib/model/partitions.ts).
  // Not compressible (they are gzip already), so ranges are of the stored bytes.
  ".parts": "application/octet-stream",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".zip": "application/zip",
  ".xml": "application/xml",
};

/** Types worth gzipping; images, fonts and zips are compressed already. */
const COMPRESSIBLE = new Set([
  ".html",
  ".js",
  ".mjs",
  ".css",
  ".json",
  ".map",
  ".wasm",
  ".arrow",
  ".csv",
  ".tsv",
  ".txt",
  ".md",
  ".svg",
  ".xml",
]);

/**
 * The byte range a `Range` header asks of a file of `size` bytes: [start, end)
 * for one satisfiable range, "unsatisfiable" for one that is not (416), or
 * undefined to serve the whole file (no header, several ranges, another unit,
 * or a header that does not parse, which HTTP says to ignore).
 */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | "unsatisfiable" | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return undefined;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size };
  }
  const start = Number(match[1]);
  const last = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || last < start) return "unsatisfiable";
  return { start, end: last + 1 };
}

export function mimeType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

export interface ServerStats {
  /** Requests answered (any status). */
  requests: number;
  /** Bytes of response bodies sent (compressed size when gzipped). */
  bytes: number;
  /** Bytes of those bodies uncompressed (HEAD requests count 0 in both). */
  rawBytes: number;
  /** Paths that got a 404. */
  notFound: string[];
}

export interface StaticServerOptions {
  /** Directory to serve (Framework's output, usually dist/). */
  root: string;
  /** Port; 0 (the default) picks a free one. */
  port?: number;
  /** Host to bind; 127.0.0.1 by default. */
  host?: string;
  /** Gzip compressible files for clients that accept it; true by default. */
  compress?: boolean;
  /** Answer Range requests (206); true by default. False acts as a host that ignores them (200, whole file). */
  ranges?: boolean;
  /**
   * A second directory whose files are served in place of root's at the same
   * paths (e.g. a benchmark's own page beside the site under test); never
   * written to root.
   */
  overlay?: string;
  /** Called after each response, e.g. for a request log. `rawBytes` is the body's size before gzip. */
  onResponse?: (info: { method: string; path: string; status: number; bytes: number; rawBytes: number }) => void;
}

export interface StaticServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** Counters since start or the last reset(). */
  stats(): ServerStats;
  /** Zeroes the counters (call before each page load to measure it alone). */
  reset(): void;
  close(): Promise<void>;
}

/** Maps a URL path to candidate files under root, following Framework's cleanUrls. */
export function candidates(root: string, pathname: string): string[] {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return [];
  }
  if (decoded.includes("\0")) return [];
  const base = resolve(root);
  const file = resolve(base, `.${decoded.startsWith("/") ? decoded : `/${decoded}`}`);
  if (file !== base && !file.startsWith(base + sep)) return []; // escapes root
  if (decoded.endsWith("/")) return [join(file, "index.html")];
  return [file, `${file}.html`, join(file, "index.html")];
}

async function findFile(paths: string[]): Promise<{ path: string; size: number; mtimeMs: number } | undefined> {
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isFile()) return { path, size: info.size, mtimeMs: info.mtimeMs };
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

/** Starts the server; resolves once it listens. */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const overlay = options.overlay === undefined ? undefined : resolve(options.overlay);
  const compress = options.compress ?? true;
  const ranges = options.ranges ?? true;
  const gzipCache = new Map<string, Promise<Buffer>>();
  let counters: ServerStats = { requests: 0, bytes: 0, rawBytes: 0, notFound: [] };

  const policies = new Map<string, Promise<string | null>>();
  /** The header policy of a built page: its <meta> policy plus what only a header can say. */
  const policyOf = (path: string, mtimeMs: number): Promise<string | null> => {
    const key = `${path}:${mtimeMs}`;
    let entry = policies.get(key);
    if (!entry) {
      entry = readFile(path, "utf8").then((html) => {
        const policy = pagePolicy(html);
        return policy ? `${policy}; ${HEADER_ONLY_DIRECTIVES}` : null;
      });
      policies.set(key, entry);
      entry.catch(() => policies.delete(key));
    }
    return entry;
  };

  const gzipped = (path: string, mtimeMs: number): Promise<Buffer> => {
    const key = `${path}:${mtimeMs}`;
    let entry = gzipCache.get(key);
    if (!entry) {
      entry = readFile(path).then((data) => gzip(data));
      gzipCache.set(key, entry);
      entry.catch(() => gzipCache.delete(key));
    }
    return entry;
  };

  const finish = (req: IncomingMessage, path: string, status: number, bytes: number, rawBytes: number) => {
    counters.requests += 1;
    counters.bytes += bytes;
    counters.rawBytes += rawBytes;
    if (status === 404) counters.notFound.push(path);
    options.onResponse?.({ method: req.method ?? "GET", path, status, bytes, rawBytes });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";
    // Public static files: any origin may read them (exported modules, tables, wasm).
    res.setHeader("Access-Control-Allow-Origin", "*");
    // Partitions are read with Range requests; another origin must see which bytes came back.
    res.setHeader("Access-Control-Expose-Headers", "Content-Range, Accept-Ranges, Content-Length");
    if (method === "OPTIONS") {
      res
        .writeHead(204, {
          Allow: "GET, HEAD, OPTIONS",
          "Access-Control-Allow-Methods": "GET, HEAD",
          "Access-Control-Allow-Headers": "Range",
        })
        .end();
      finish(req, url.pathname, 204, 0, 0);
      return;
    }
    if (method !== "GET" && method !== "HEAD") {
      res
        .writeHead(405, { Allow: "GET, HEAD, OPTIONS", "Content-Type": "text/plain; charset=utf-8" })
        .end("Method not allowed\n");
      finish(req, url.pathname, 405, 0, 0);
      return;
    }
    const found =
      (overlay === undefined ? undefined : await findFile(candidates(overlay, url.pathname))) ??
      (await findFile(candidates(root, url.pathname)));
    if (!found) {
      const page = await findFile([join(root, "404.html")]);
      const body = page ? await readFile(page.path) : Buffer.from(`Not found: ${url.pathname}\n`);
      const policy = page ? await policyOf(page.path, page.mtimeMs) : null;
      res.writeHead(404, {
        "Content-Type": page ? MIME_TYPES[".html"] : MIME_TYPES[".txt"],
        "Content-Length": body.length,
        "Cache-Control": "no-cache",
        ...(policy ? { "Content-Security-Policy": policy } : {}),
      });
      res.end(method === "HEAD" ? undefined : body);
      finish(req, url.pathname, 404, method === "HEAD" ? 0 : body.length, method === "HEAD" ? 0 : body.length);
      return;
    }
    const headers: Record<string, string | number> = {
      "Content-Type": mimeType(found.path),
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
    };
    const range = ranges ? parseRange(req.headers.range, found.size) : undefined;
    if (range === "unsatisfiable") {
      res.writeHead(416, { ...headers, "Content-Range": `bytes */${found.size}`, "Content-Length": 0 }).end();
      finish(req, url.pathname, 416, 0, 0);
      return;
    }
    if (range) {
      const length = range.end - range.start;
      res.writeHead(206, {
        ...headers,
        "Accept-Ranges": "bytes",
        "Content-Range": `bytes ${range.start}-${range.end - 1}/${found.size}`,
        "Content-Length": length,
      });
      if (method === "HEAD" || length === 0) {
        res.end();
        finish(req, url.pathname, 206, 0, 0);
        return;
      }
      const stream = createReadStream(found.path, { start: range.start, end: range.end - 1 });
      stream.on("error", (error) => res.destroy(error));
      stream.on("end", () => finish(req, url.pathname, 206, length, length));
      stream.pipe(res);
      return;
    }
    if (extname(found.path).toLowerCase() === ".html") {
      const policy = await policyOf(found.path, found.mtimeMs);
      if (policy) headers["Content-Security-Policy"] = policy;
    }
    const accepts = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    if (compress && accepts && COMPRESSIBLE.has(extname(found.path).toLowerCase()) && found.size > 1024) {
      const body = await gzipped(found.path, found.mtimeMs);
      headers["Content-Encoding"] = "gzip";
      headers["Content-Length"] = body.length;
      headers.Vary = "Accept-Encoding";
      res.writeHead(200, headers);
      res.end(method === "HEAD" ? undefined : body);
      finish(req, url.pathname, 200, method === "HEAD" ? 0 : body.length, method === "HEAD" ? 0 : found.size);
      return;
    }
    headers["Content-Length"] = found.size;
    if (ranges) headers["Accept-Ranges"] = "bytes";
    res.writeHead(200, headers);
    if (method === "HEAD") {
      res.end();
      finish(req, url.pathname, 200, 0, 0);
      return;
    }
    const stream = createReadStream(found.path);
    stream.on("error", (error) => res.destroy(error));
    stream.on("end", () => finish(req, url.pathname, 200, found.size, found.size));
    stream.pipe(res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`Internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  });
  server.keepAliveTimeout = 5000;

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once("error", rejectListen);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", rejectListen);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    stats: () => ({ ...counters, notFound: [...counters.notFound] }),
    reset: () => {
      counters = { requests: 0, bytes: 0, rawBytes: 0, notFound: [] };
    },
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
