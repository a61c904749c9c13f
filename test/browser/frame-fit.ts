/**
 * Measures an embed drawn for its frame (fit=frame, type=slide) as a reader
 * sees it, for the reveal.js deck and /present tests: whether every node or
 * mark lies inside the frame, the caption is on screen, nothing scrolls, and
 * the smallest text as rendered.
 *
 * How text is measured: for each element with text of its own, its computed
 * font size × the scale of its drawing (an SVG's screen transform, which takes
 * the viewBox and any CSS transform inside the frame into account; 1 for HTML)
 * × the scale of the iframe itself on the host page (its rendered width over
 * its layout width: reveal.js scales its slides with a CSS transform). Hidden
 * text (display or visibility, zero size, the visually-hidden data tables,
 * tooltips and help text that only show on demand) is left out.
 */
import type { ElementHandle, Frame } from "playwright-core";

export interface FrameFit {
  /** The iframe's scale on its host page (rendered / layout width). */
  hostScale: number;
  /** The frame's viewport, CSS px of the frame. */
  viewport: { width: number; height: number };
  /** Document scroll size vs. client size: no scrollbars when both fit. */
  scroll: { height: number; clientHeight: number; width: number; clientWidth: number };
  /** Nodes (network), marks and density cells (timeline), bars (sectors) or table rows (scorecards) drawn, and those not inside the frame. */
  marks: number;
  outside: string[];
  /** The caption's box in the frame, null when there is none; its text. */
  caption: { top: number; bottom: number; text: string } | null;
  /** Smallest rendered chart text (px on the host's screen) and where. */
  smallestText: { px: number; text: string; where: string };
  /** Smallest rendered caption text (px on screen). */
  smallestCaption: number;
  /** The chart drawing's box (the network's area, the timeline or sector chart SVG, the scorecards' tables) relative to the frame's viewport. */
  chart: { width: number; height: number };
}

/** Measures the embed in `iframe` (an element of the host page) once its chart is drawn. */
export async function measureFrame(iframe: ElementHandle<Element>): Promise<FrameFit> {
  // Rounded to 0.001: a frame's rendered width is fractional, its layout width whole.
  const hostScale = await iframe.evaluate(
    (el) => Math.round((el.getBoundingClientRect().width / (el as HTMLElement).clientWidth) * 1000) / 1000,
  );
  const frame = (await iframe.contentFrame()) as Frame;
  return frame.evaluate((scale) => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const hiddenParts =
      ".aa-embed-data, .aa-table-details, .aa-brush, .aa-visually-hidden, .aa-net-help, .aa-tip, .aa-net-tooltip, .aa-net-active, option";
    const shown = (el: Element) => {
      if (el.closest(hiddenParts)) return false;
      if (!el.checkVisibility({ visibilityProperty: true })) return false;
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1;
    };
    const inside = (r: DOMRect) => r.left >= -0.5 && r.top >= -0.5 && r.right <= vw + 0.5 && r.bottom <= vh + 0.5;
    const marks = [
      ...document.querySelectorAll(
        [
          ".aa-net-svg .aa-net-node",
          "[data-chart='timeline'] .marks [data-mark]",
          "[data-chart='timeline'] .marks rect",
          "[data-chart='commitments-by-sector'] rect",
          ".aa-slide-part tbody tr",
        ].join(", "),
      ),
    ];
    const outside = marks
      .filter((m) => !inside(m.getBoundingClientRect()))
      .map((m) => `${m.getAttribute("data-id") ?? m.tagName} at ${JSON.stringify(m.getBoundingClientRect())}`);
    const drawScale = (el: Element) => {
      if (!(el instanceof SVGElement)) return 1;
      const m = (el as SVGGraphicsElement).getScreenCTM?.();
      return m ? Math.hypot(m.a, m.b) : 1;
    };
    let smallest = { px: Number.POSITIVE_INFINITY, text: "", where: "" };
    let smallestCaption = Number.POSITIVE_INFINITY;
    for (const el of document.querySelectorAll(".aa-embed *")) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? "").trim() !== "");
      if (!own || !shown(el)) continue;
      const px = Number.parseFloat(getComputedStyle(el).fontSize) * drawScale(el) * scale;
      if (el.closest(".aa-embed-caption, .aa-embed-foot")) smallestCaption = Math.min(smallestCaption, px);
      else if (px < smallest.px) {
        smallest = {
          px,
          text: (el.textContent ?? "").trim().slice(0, 60),
          where: `${el.tagName}.${el.getAttribute("class") ?? ""}`,
        };
      }
    }
    const captionEl = document.querySelector("[data-testid='embed-caption']");
    const cr = captionEl?.getBoundingClientRect();
    const chartEl = document.querySelector(
      ".aa-net, [data-chart='timeline'], [data-chart='commitments-by-sector'], .aa-embed-chart .aa-slide-parts",
    );
    const chartBox = chartEl?.getBoundingClientRect();
    const doc = document.scrollingElement as HTMLElement;
    return {
      hostScale: scale,
      viewport: { width: vw, height: vh },
      scroll: {
        height: doc.scrollHeight,
        clientHeight: doc.clientHeight,
        width: doc.scrollWidth,
        clientWidth: doc.clientWidth,
      },
      marks: marks.length,
      outside,
      caption: cr && captionEl ? { top: cr.top, bottom: cr.bottom, text: captionEl.textContent ?? "" } : null,
      smallestText: smallest,
      smallestCaption,
      chart: { width: chartBox?.width ?? 0, height: chartBox?.height ?? 0 },
    };
  }, hostScale);
}
