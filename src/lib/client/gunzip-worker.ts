/**
 * Decompresses table partitions (gzip members, src/lib/model/partitions.ts)
 * in a worker, so the main thread stays free while tables load: at a
 * million commitments the page's own DecompressionStream took about a
 * second of main-thread time per table. The worker is a few lines started
 * from a blob: URL (no file to build or fetch; the site's
 * Content-Security-Policy allows blob: workers); each member's bytes are
 * copied once and transferred in, the Arrow bytes transferred back, and
 * from there to DuckDB's worker without a copy (src/components/db.ts).
 * Where no worker can start (another site's policy, a test in Node), or
 * the worker fails, it decompresses on the calling thread as before.
 *
 * @example
 * const loader = new TableLoader({ …, gunzip: offThreadGunzip() });
 */
import { gunzip } from "./table-loader.js";

/** The worker's whole source: decompress each member it is sent, hand the bytes back. */
export const GUNZIP_WORKER_SOURCE = `onmessage = async (event) => {
  const { id, bytes } = event.data;
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    const out = await new Response(stream).arrayBuffer();
    postMessage({ id, out }, [out]);
  } catch (error) {
    postMessage({ id, error: String((error && error.message) || error) });
  }
};
`;

/** What the page needs of a Worker (a fake one in tests). */
export interface GunzipWorker {
  postMessage(message: { id: number; bytes: ArrayBuffer }, transfer: Transferable[]): void;
  addEventListener(type: "message", listener: (event: { data: GunzipReply }) => void): void;
  addEventListener(type: "error", listener: (event: unknown) => void): void;
  terminate(): void;
}

export type GunzipReply = { id: number; out: ArrayBuffer } | { id: number; error: string };

function blobWorker(): GunzipWorker {
  const url = URL.createObjectURL(new Blob([GUNZIP_WORKER_SOURCE], { type: "text/javascript" }));
  try {
    return new Worker(url) as unknown as GunzipWorker;
  } finally {
    // The worker has its own reference to the script once it starts.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/**
 * A gunzip that runs in one worker (started on the first call), falling
 * back to the calling thread when the worker cannot start or fails.
 */
export function offThreadGunzip(
  startWorker: () => GunzipWorker = blobWorker,
): (member: Uint8Array) => Promise<Uint8Array> {
  let worker: GunzipWorker | undefined;
  let broken = typeof Worker === "undefined" && startWorker === blobWorker;
  let nextId = 0;
  const pending = new Map<
    number,
    { member: Uint8Array; resolve: (b: Uint8Array) => void; reject: (e: Error) => void }
  >();

  const fallBack = () => {
    broken = true;
    worker?.terminate();
    worker = undefined;
    for (const [id, task] of pending) {
      pending.delete(id);
      gunzip(task.member).then(task.resolve, task.reject);
    }
  };

  const start = (): GunzipWorker | undefined => {
    if (worker || broken) return worker;
    try {
      worker = startWorker();
    } catch {
      broken = true;
      return undefined;
    }
    worker.addEventListener("message", ({ data }) => {
      const task = pending.get(data.id);
      if (!task) return;
      pending.delete(data.id);
      if ("out" in data) task.resolve(new Uint8Array(data.out));
      else task.reject(new Error(data.error));
    });
    worker.addEventListener("error", fallBack);
    return worker;
  };

  return (member) => {
    const running = start();
    if (!running) return gunzip(member);
    const id = nextId++;
    // A copy of its own, so only these bytes move to the worker (the member
    // is a view into the whole response, which the loader still reads).
    const bytes = member.slice();
    return new Promise<Uint8Array>((resolve, reject) => {
      pending.set(id, { member, resolve, reject });
      try {
        running.postMessage({ id, bytes: bytes.buffer }, [bytes.buffer]);
      } catch {
        pending.delete(id);
        gunzip(member).then(resolve, reject);
      }
    });
  };
}
