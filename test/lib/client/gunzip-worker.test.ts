import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  GUNZIP_WORKER_SOURCE,
  type GunzipReply,
  type GunzipWorker,
  offThreadGunzip,
} from "../../../src/lib/client/gunzip-worker.js";

/** A worker that runs GUNZIP_WORKER_SOURCE in-process, as a browser would in its own thread. */
class InProcessWorker implements GunzipWorker {
  sent: { bytes: ArrayBuffer; transfer: Transferable[] }[] = [];
  private readonly listeners: Record<string, ((event: never) => void)[]> = { message: [], error: [] };
  private readonly onmessage: (event: { data: unknown }) => Promise<void>;
  constructor() {
    const scope: { onmessage?: (event: { data: unknown }) => Promise<void> } = {};
    const postMessage = (data: GunzipReply) =>
      queueMicrotask(() => {
        for (const l of this.listeners.message) (l as (e: { data: GunzipReply }) => void)({ data });
      });
    new Function("scope", "postMessage", `with (scope) { ${GUNZIP_WORKER_SOURCE} }`)(scope, postMessage);
    // `onmessage = …` inside `with` assigns the scope's property.
    this.onmessage = scope.onmessage as (event: { data: unknown }) => Promise<void>;
  }
  postMessage(message: { id: number; bytes: ArrayBuffer }, transfer: Transferable[]): void {
    this.sent.push({ bytes: message.bytes, transfer });
    void this.onmessage({ data: message });
  }
  addEventListener(type: "message" | "error", listener: (event: never) => void): void {
    this.listeners[type].push(listener);
  }
  fail(): void {
    for (const l of this.listeners.error) (l as (e: unknown) => void)(new Error("worker died"));
  }
  terminated = false;
  terminate(): void {
    this.terminated = true;
  }
}

const member = (text: string) => new Uint8Array(gzipSync(Buffer.from(text)));
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString();

describe("decompressing partitions in a worker", () => {
  it("sends each member's own bytes, transferred, and gets the decompressed bytes back", async () => {
    let worker: InProcessWorker | undefined;
    const gunzip = offThreadGunzip(() => {
      worker = new InProcessWorker();
      return worker;
    });
    // Members as the loader cuts them: views into one response buffer.
    const a = member("first partition");
    const b = member("second");
    const response = new Uint8Array(a.length + b.length + 3);
    response.set(a, 1);
    response.set(b, 1 + a.length);
    const results = await Promise.all([
      gunzip(response.subarray(1, 1 + a.length)),
      gunzip(response.subarray(1 + a.length, 1 + a.length + b.length)),
    ]);
    expect(results.map(text)).toEqual(["first partition", "second"]);
    expect(worker?.sent).toHaveLength(2);
    for (const sent of worker?.sent ?? []) {
      expect(sent.transfer).toEqual([sent.bytes]);
      expect(sent.bytes).not.toBe(response.buffer);
    }
  });

  it("rejects a member that is not gzip with the worker's message", async () => {
    const gunzip = offThreadGunzip(() => new InProcessWorker());
    await expect(gunzip(new Uint8Array([1, 2, 3, 4]))).rejects.toThrow();
  });

  it("decompresses on the calling thread when no worker starts, or when it fails", async () => {
    const noWorker = offThreadGunzip(() => {
      throw new Error("blocked by the page's policy");
    });
    expect(text(await noWorker(member("here")))).toBe("here");

    let worker: InProcessWorker | undefined;
    const dying = offThreadGunzip(() => {
      worker = new InProcessWorker();
      worker.postMessage = () => {}; // never answers
      return worker;
    });
    const waiting = dying(member("pending when it died"));
    worker?.fail();
    expect(text(await waiting)).toBe("pending when it died");
    expect(worker?.terminated).toBe(true);
    expect(text(await dying(member("after"))).toString()).toBe("after");
  });
});
