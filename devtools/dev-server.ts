/**
 * `npm start` (scripts/dev.ts) for tests: the dev server on a free loopback
 * port over a given data folder, its output kept for failure messages, and a
 * close that stops it and the preview server it started.
 *
 * @example
 * const dev = await startDevServer("/tmp/records");
 * const handle = await openPage(browser, `${dev.url}/`);
 * await dev.close();
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

/** How long the dev server may take to validate, build the tables and listen (a loaded machine). */
export const DEV_START_TIMEOUT = 5 * 60_000;

export interface DevServer {
  url: string;
  /** What the dev server and the preview server printed so far. */
  output(): string;
  close(): Promise<void>;
}

/** A port nothing listens on now, chosen by the system. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (!address || typeof address === "string") throw new Error("freePort: no port");
  return address.port;
}

/** Resolves when url answers 200, rejects when the process ends first or after timeoutMs. */
async function answering(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dev server exited with ${child.exitCode}:\n${output()}`);
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`dev server did not answer ${url} within ${timeoutMs / 1000} s:\n${output()}`);
}

/** Starts scripts/dev.ts with ACCORD_DATA_DIR=dataDir and waits until its pages answer. */
export async function startDevServer(dataDir: string): Promise<DevServer> {
  const port = await freePort();
  // Its own process group, so close() stops the preview server it started too.
  const child = spawn("node_modules/.bin/tsx", ["scripts/dev.ts"], {
    env: { ...process.env, ACCORD_DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let text = "";
  child.stdout?.on("data", (chunk) => {
    text += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    text += String(chunk);
  });
  const output = () => text;
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = once(child, "exit");
    process.kill(-child.pid, "SIGTERM");
    await exited;
  };
  try {
    await answering(`${url}/`, child, output, DEV_START_TIMEOUT);
  } catch (error) {
    await close();
    throw error;
  }
  return { url, output, close };
}
