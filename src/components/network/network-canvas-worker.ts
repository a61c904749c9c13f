/**
 * The network canvas's worker: it owns the chart's canvas (handed over with
 * transferControlToOffscreen) and draws its links and nodes, so that
 * rasterising tens of thousands of links (tens to hundreds of ms in
 * software) never holds the page's main thread. Messages, in order
 * (network-canvas-messages.ts): the canvas, its size, each scene packed,
 * node places after a drag, and one request per frame, each answered once
 * drawn. Bundled at build time by src/data/network-canvas-worker.js.ts.
 */
import { applyPlaces, unpackPaintScene } from "../../lib/network/paint-scene.js";
import { paintFrame, type WorkerCanvas, workerCanvas } from "./network-canvas-frame.js";
import type { CanvasReply, CanvasRequest } from "./network-canvas-messages.js";

let painted: WorkerCanvas | null = null;

function reply(message: CanvasReply): void {
  self.postMessage(message);
}

function handle(request: CanvasRequest): void {
  if (request.kind === "canvas") {
    painted = workerCanvas(request.canvas);
    return;
  }
  if (!painted) throw new Error(`a "${request.kind}" message came before the canvas`);
  const wc = painted;
  if (request.kind === "size") {
    wc.canvas.width = request.width;
    wc.canvas.height = request.height;
  } else if (request.kind === "scene") {
    wc.scene = unpackPaintScene(request.scene);
  } else if (request.kind === "places") {
    applyPlaces(wc.scene, request.places);
    wc.moves++;
  } else {
    const frame = request.frame;
    paintFrame(wc, request, (done) =>
      reply({ kind: "frame", frame, ...done, drawnAt: performance.timeOrigin + performance.now() }),
    );
  }
}

self.onmessage = (event: MessageEvent<CanvasRequest>) => {
  try {
    handle(event.data);
  } catch (error) {
    reply({ kind: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
