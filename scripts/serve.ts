/**
 * `npm run preview`: serves the built site (dist/) on http://127.0.0.1:3000,
 * with clean URLs, wasm MIME types and gzip, as a static host would.
 *
 * Environment: PORT (default 3000), HOST (default 127.0.0.1), DIST (default dist).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { startStaticServer } from "./static-server.js";

const root = resolve(process.env.DIST ?? "dist");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";

if (!existsSync(resolve(root, "index.html"))) {
  console.error(`No built site in ${root} (index.html is missing). Run \`npm run build\` first.`);
  process.exit(1);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be an integer from 0 to 65535, not ${JSON.stringify(process.env.PORT)}.`);
  process.exit(1);
}

const server = await startStaticServer({
  root,
  port,
  host,
  onResponse: ({ method, path, status, bytes }) => {
    if (status >= 400) console.log(`${status} ${method} ${path}`);
    else if (process.env.VERBOSE) console.log(`${status} ${method} ${path} ${bytes} B`);
  },
}).catch((error: NodeJS.ErrnoException) => {
  console.error(
    error.code === "EADDRINUSE" ? `Port ${port} is in use; set PORT to another one.` : `Cannot start: ${error.message}`,
  );
  process.exit(1);
});

console.log(`Serving ${root} at ${server.url}/ (Ctrl-C to stop)`);

const stop = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(0),
  );
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
