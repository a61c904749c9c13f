/**
 * The page's network workers (src/components/network/network-worker.ts), one
 * per kind of work, each started on first use, and their replies matched to
 * requests by id. Metrics take seconds on a large graph, so the projection's
 * counts, which a filter change waits for, have a worker of their own rather
 * than queueing behind them. The worker is one self-contained module bundled
 * at build time by the loader src/data/network-worker.js.ts.
 */
import { FileAttachment } from "observablehq:stdlib";
import { moduleWorker } from "../module-worker.js";

/** What every reply carries: the request's id, and an error message when the work failed. */
export interface WorkerReply {
  id: number;
  error?: string;
}

/** Which worker a request goes to. */
export type WorkerLane = "metrics" | "project";

const workers = new Map<WorkerLane, Promise<Worker>>();
let nextId = 0;
const pending = new Map<
  number,
  { lane: WorkerLane; resolve: (reply: WorkerReply) => void; reject: (e: Error) => void }
>();

function getWorker(lane: WorkerLane): Promise<Worker> {
  const known = workers.get(lane);
  if (known) return known;
  const worker = FileAttachment("../../data/network-worker.js")
    .url()
    .then((url: string) => {
      const w = moduleWorker(url);
      w.addEventListener("message", (event: MessageEvent<WorkerReply>) => {
        const request = pending.get(event.data.id);
        if (!request) return;
        pending.delete(event.data.id);
        if (event.data.error) request.reject(new Error(event.data.error));
        else request.resolve(event.data);
      });
      w.addEventListener("error", (event) => {
        for (const [id, request] of pending) {
          if (request.lane !== lane) continue;
          pending.delete(id);
          request.reject(new Error(`the network worker failed: ${event.message || "it did not load"}`));
        }
      });
      return w;
    });
  workers.set(lane, worker);
  return worker;
}

/**
 * Posts `message` to the worker of its kind (`kind` says what to do) and
 * resolves to the reply; rejects with the worker's error. `transfer` lists
 * buffers handed over rather than copied.
 */
export function askNetworkWorker<Reply extends WorkerReply>(
  message: { kind: WorkerLane } & Record<string, unknown>,
  transfer: Transferable[] = [],
): Promise<Reply> {
  const id = ++nextId;
  const lane = message.kind;
  return new Promise<WorkerReply>((resolve, reject) => {
    pending.set(id, { lane, resolve, reject });
    getWorker(lane).then(
      (w) => w.postMessage({ ...message, id }, transfer),
      (error: unknown) => {
        pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }) as Promise<Reply>;
}

/** Starts a worker before its first request, so that request does not wait for the script to load. */
export function startNetworkWorker(lane: WorkerLane): void {
  getWorker(lane).catch(() => undefined); // a failure is reported to the first request
}
