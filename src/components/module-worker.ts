/**
 * A module worker for a script URL. A page may only start a worker from its
 * own origin, so when the script lives on another origin (an exported module,
 * src/embed/*.ts, rendering into another site's page) the worker starts from
 * a one-line same-origin blob module that imports the script; the script's
 * own imports and fetches then resolve against its URL as usual (the host
 * must send CORS headers, see docs/embedding.md).
 */
export function moduleWorker(url: string | URL): Worker {
  const href = new URL(url, location.href);
  if (href.origin === location.origin) return new Worker(href, { type: "module" });
  const blobUrl = URL.createObjectURL(
    new Blob([`import ${JSON.stringify(href.href)};\n`], { type: "text/javascript" }),
  );
  const worker = new Worker(blobUrl, { type: "module" });
  const revoke = () => URL.revokeObjectURL(blobUrl);
  worker.addEventListener("message", revoke, { once: true });
  worker.addEventListener("error", revoke, { once: true });
  return worker;
}
