/**
 * The page's end of the network canvas's worker (network-canvas-worker.ts):
 * hands the chart's canvas over to it, starts the worker (bundled at build
 * time by src/data/network-canvas-worker.js.ts) and keeps the messages sent
 * before it is ready in order, to post them once it is.
 */
import { FileAttachment } from "observablehq:stdlib";
import { moduleWorker } from "../module-worker.js";
import type { CanvasReply, CanvasRequest } from "./network-canvas-messages.js";

export interface CanvasLink {
  /** Posts a message, handing `transfer` over rather than copying it. */
  post(message: CanvasRequest, transfer?: Transferable[]): void;
}

/**
 * Hands `canvas` over to a new worker; `onReply` receives its answers, and
 * an error if the worker cannot start or fails.
 */
export function canvasLink(canvas: HTMLCanvasElement, onReply: (reply: CanvasReply) => void): CanvasLink {
  const offscreen = canvas.transferControlToOffscreen();
  const queue: [CanvasRequest, Transferable[]][] = [[{ kind: "canvas", canvas: offscreen }, [offscreen]]];
  let worker: Worker | null = null;
  FileAttachment("../../data/network-canvas-worker.js")
    .url()
    .then((url: string) => {
      const w = moduleWorker(url);
      w.addEventListener("message", (event: MessageEvent<CanvasReply>) => onReply(event.data));
      w.addEventListener("error", (event) =>
        onReply({ kind: "error", message: `the drawing's worker failed: ${event.message || "it did not load"}` }),
      );
      for (const [message, transfer] of queue) w.postMessage(message, transfer);
      queue.length = 0;
      worker = w;
    })
    .catch((error: Error) =>
      onReply({ kind: "error", message: `the drawing's worker did not load: ${error.message}` }),
    );
  return {
    post: (message, transfer = []) => {
      if (worker) worker.postMessage(message, transfer);
      else queue.push([message, transfer]);
    },
  };
}
