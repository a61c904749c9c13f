/**
 * What the exported modules (src/embed/network.ts, src/embed/timeline.ts) do
 * when a web app calls `NetworkChart(options)` or `TimelineChart(options)`:
 * read the options as the URL state (src/lib/model/embed-options.ts, then the same
 * parser and known values as the embed pages), add the embed stylesheet to
 * the host page once, and draw the view. Loaded by the exported modules with
 * a dynamic import (see src/embed/network.ts for why).
 */
import { embedSearch, type ModuleView } from "../../lib/model/embed-options.js";
import { networkView } from "../network/network-view.js";
import { timelineView } from "../timeline/timeline-view.js";
import { embedStyles, readState } from "./embed-frame.js";

/**
 * Where the site lives: this module is served from `<site>/_import/components/embedding/`
 * (Framework's layout for local modules, in the build and in preview).
 */
const SITE_ROOT = new URL("../../../", import.meta.url).href;

/** Draws a view for a module's options. */
export async function embedModule(view: ModuleView, options: unknown): Promise<HTMLElement> {
  const { params, size, notices } = embedSearch(view, options);
  const [state] = await Promise.all([readState(view, params), embedStyles()]);
  const render = {
    siteRoot: SITE_ROOT,
    notices: [...notices, ...state.notices],
    width: size.width,
    height: size.height,
    today: params.get("today"),
  };
  return view === "network"
    ? networkView(state as Parameters<typeof networkView>[0], render)
    : timelineView(state as Parameters<typeof timelineView>[0], render);
}
