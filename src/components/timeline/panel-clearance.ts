/**
 * Keeps the cards' Share buttons clear of the timeline's commitment panel
 * while it is open (src/lib/timeline/panel-clearance.ts says where): on
 * opening and closing, on a resize, and when the page redraws a card under
 * it. A Share button's menu still opens above the panel (style.css), except
 * where the panel fills the window (a phone): there the button stays under
 * the panel until it closes.
 *
 * `keepClearOfPanel(panel)`; the panel's `hidden` says whether it is open.
 */
import { panelClearance } from "../../lib/timeline/panel-clearance.js";

const CONTROLS = ".aa-card-head > .aa-share";

export function keepClearOfPanel(panel: HTMLElement): void {
  let frame = 0;
  const place = () => {
    frame = 0;
    const controls = [...document.querySelectorAll<HTMLElement>(CONTROLS)];
    for (const control of controls) {
      control.style.marginRight = "";
      control.style.zIndex = "";
    }
    if (panel.hidden) return;
    const panelLeft = panel.getBoundingClientRect().left;
    // Every box read before any is moved: one layout, not one per control.
    const shifts = controls.map((control) =>
      panelClearance(
        control.getBoundingClientRect(),
        panelLeft,
        (control.parentElement ?? control).getBoundingClientRect(),
      ),
    );
    controls.forEach((control, i) => {
      const shift = shifts[i];
      if (shift === null) control.style.zIndex = "0";
      else if (shift > 0) control.style.marginRight = `${shift}px`;
    });
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(place);
  };
  // A redrawn card brings a new Share button. The page is watched only while the panel
  // is open: the timeline's redraws add thousands of marks, each a record to the watcher.
  const redraws = new MutationObserver(schedule);
  const page = document.getElementById("observablehq-main") ?? document.body;
  new MutationObserver(() => {
    if (panel.hidden) redraws.disconnect();
    else redraws.observe(page, { childList: true, subtree: true });
    schedule();
  }).observe(panel, { attributes: true, attributeFilter: ["hidden"] });
  addEventListener("resize", schedule);
}
