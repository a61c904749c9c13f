/** How much of a canvas is painted, for the browser tests of the canvas renderers (not blank, not pixels compared). */
import type { Locator } from "playwright-core";

/** The number of the canvas's pixels that are not fully transparent. */
export function paintedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const data = element.getContext("2d")?.getImageData(0, 0, element.width, element.height).data ?? [];
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
}
