/**
 * Taking a worker thread's messages synchronously (Node only), for work that
 * only has an asynchronous API (exceljs) inside a pipeline that reads a
 * folder synchronously. The worker posts messages in order and waits while
 * too many are untaken; the main thread takes each with `receiveMessageOnPort`,
 * waiting on a shared counter when none is there yet. Used by csv-ahead.ts
 * (CSV parsing) and xlsx-records.ts (workbooks).
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker, workerData } from "node:worker_threads";
import { workerSource } from "./worker-source.js";

const POSTED = 0;
const TAKEN = 1;
const STARTED = 2;
/** No message from the worker for this long means it has stopped. */
const STALLED_MS = 120_000;
/** A worker that has not started by then cannot (no TypeScript loader, say). */
const START_MS = 20_000;

/** What the worker is given: its own data, the port, the counters, how far it may run ahead. */
interface InboxSetup<D> {
  data: D;
  port: MessagePort;
  shared: Int32Array;
  maxAhead: number;
}

export class WorkerInbox<M> {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly shared = new Int32Array(new SharedArrayBuffer(12));
  private started = false;

  /** Starts `module` on a worker thread with `data` (see `workerOutbox` for its side). */
  constructor(module: URL, data: unknown, { maxAhead = 8 } = {}) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const setup: InboxSetup<unknown> = { data, port: port2, shared: this.shared, maxAhead };
    const source = workerSource(module) ?? module;
    this.worker = new Worker(source, { eval: typeof source === "string", workerData: setup, transferList: [port2] });
    // Failures come back as a message (or as a worker that never starts).
    this.worker.on("error", () => {});
    this.worker.unref();
  }

  /** The next message, waiting for it; throws when the worker never starts or stops answering. */
  take(): M {
    if (!this.started && !this.waitForStart()) throw new Error("the worker thread did not start");
    const start = Date.now();
    for (;;) {
      const posted = Atomics.load(this.shared, POSTED);
      const received = receiveMessageOnPort(this.port);
      if (received) {
        Atomics.add(this.shared, TAKEN, 1);
        Atomics.notify(this.shared, TAKEN);
        return received.message as M;
      }
      if (Date.now() - start > STALLED_MS) throw new Error("the worker thread stopped answering");
      Atomics.wait(this.shared, POSTED, posted, 1000);
    }
  }

  /** Waits for the worker to start; false when it has not started in time (it cannot: no TypeScript loader, say). */
  waitForStart(): boolean {
    const start = Date.now();
    while (Atomics.load(this.shared, STARTED) === 0) {
      if (Date.now() - start > START_MS) return false;
      Atomics.wait(this.shared, POSTED, Atomics.load(this.shared, POSTED), 100);
    }
    this.started = true;
    return true;
  }

  /** Stops the worker. */
  close(): void {
    void this.worker.terminate();
    this.port.close();
  }
}

/** In the worker: its data, and `post`, which waits while the main thread is `maxAhead` messages behind. */
export function workerOutbox<D, M>(): { data: D; post: (message: M) => void } {
  const { data, port, shared, maxAhead } = workerData as InboxSetup<D>;
  Atomics.store(shared, STARTED, 1);
  Atomics.notify(shared, POSTED);
  const post = (message: M) => {
    for (;;) {
      const taken = Atomics.load(shared, TAKEN);
      if (Atomics.load(shared, POSTED) - taken < maxAhead) break;
      Atomics.wait(shared, TAKEN, taken, 1000);
    }
    port.postMessage(message);
    Atomics.add(shared, POSTED, 1);
    Atomics.notify(shared, POSTED);
  };
  return { data, post };
}
