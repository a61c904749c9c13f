/**
 * The network chart's nodes by keyboard, for either renderer: the chart is
 * one Tab stop, and while it has focus the arrow keys move an active node to
 * the nearest node in that direction on screen (src/lib/model/spatial-nav.ts,
 * with the places after the current zoom and pan), Home and End to the first
 * and last node in the scene's order (the order of the nodes table), Enter
 * or Space select it (as a click does) and Escape (network-interaction.ts)
 * clears the selection; focus stays on the chart throughout.
 *
 * The active node is outlined by a ring drawn over the chart (shown while
 * the chart has focus) that carries the node's name in words
 * (lib/network/node-announcement.ts); the chart points aria-activedescendant
 * at it, with an id of its own per node so each move is announced. A node
 * off screen is panned into view first.
 */
import { isNavKey, nextInDirection } from "../../lib/model/spatial-nav.js";
import { linkCounts, nodeAnnouncement } from "../../lib/network/node-announcement.js";
import type { SceneNode } from "../../lib/network/scene.js";
import { panIntoView, toScreen, type ViewTransform, visibleRadius } from "../../lib/network/view-transform.js";
import { el } from "../dom.js";
import type { NetworkChartState } from "./network-chart-state.js";

/** Pixels between a node's edge and its ring. */
const RING_GAP = 4;

/** What the keyboard asks of the chart. */
export interface KeyboardHooks {
  /** Select a node, as a click on it does. */
  select(id: string): void;
  /** Move the view (keeping the scale) so the active node is in sight. */
  panTo(t: ViewTransform): void;
  /** Show the active node's tooltip (null hides it). */
  reveal(node: SceneNode | null): void;
  /** A sector's name, for a commitment node's announcement. */
  sectorLabel?: (sector: string) => string;
}

export interface NetworkKeyboard {
  /** The ring round the active node (the target of aria-activedescendant). */
  readonly ring: HTMLElement;
  /** A new scene was drawn: recount links, drop an active node no longer drawn. */
  sceneChanged(): void;
  /** The selection changed: a selected node becomes the active one. */
  selectionChanged(): void;
  /** After each frame: the ring follows its node through zoom, pan and drag. */
  place(): void;
}

interface KeyboardParts {
  root: HTMLElement;
  state: NetworkChartState;
  hooks: KeyboardHooks;
  ring: HTMLElement;
  /** Prefix of the ring's ids, unique to this chart. */
  idPrefix: string;
  active: string | null;
  links: Map<string, number>;
}

export function networkKeyboard(
  root: HTMLElement,
  state: NetworkChartState,
  hooks: KeyboardHooks,
  idPrefix: string,
): NetworkKeyboard {
  const ring = el("div", { class: "aa-net-active", role: "img", hidden: true });
  const kb: KeyboardParts = { root, state, hooks, ring, idPrefix, active: null, links: new Map() };
  root.addEventListener("keydown", (event) => onKey(kb, event));
  root.addEventListener("focus", () => {
    if (!kb.active && state.selected) setActive(kb, state.selected);
    if (kb.active) hooks.reveal(activeNode(kb));
  });
  root.addEventListener("blur", () => hooks.reveal(null));
  return {
    ring,
    sceneChanged: () => {
      kb.links = linkCounts(state.scene.edges);
      setActive(kb, kb.active && activeIndex(kb.state.scene.nodes, kb.active) >= 0 ? kb.active : null);
    },
    selectionChanged: () => setActive(kb, state.selected ?? kb.active),
    place: () => placeRing(kb),
  };
}

function activeIndex(nodes: readonly SceneNode[], id: string | null): number {
  return id === null ? -1 : nodes.findIndex((n) => n.id === id);
}

function activeNode(kb: KeyboardParts): SceneNode | null {
  return kb.state.scene.nodes[activeIndex(kb.state.scene.nodes, kb.active)] ?? null;
}

function onKey(kb: KeyboardParts, event: KeyboardEvent): void {
  // Keys on the zoom buttons inside the chart are theirs.
  if (event.target !== kb.root || event.altKey || event.ctrlKey || event.metaKey) return;
  const nodes = kb.state.scene.nodes;
  if (isNavKey(event.key) && !event.shiftKey) {
    event.preventDefault();
    const points = nodes.map((n) => {
      const [x, y] = toScreen(kb.state.transform, n.x, n.y);
      return { x, y };
    });
    const next = nextInDirection(points, activeIndex(nodes, kb.active), event.key);
    if (next < 0) return;
    setActive(kb, nodes[next].id);
    const t = panIntoView(kb.state.transform, nodes[next], kb.state.width, kb.state.height);
    if (t) kb.hooks.panTo(t);
    kb.hooks.reveal(nodes[next]);
  } else if ((event.key === "Enter" || event.key === " ") && kb.active) {
    event.preventDefault();
    kb.hooks.select(kb.active);
  }
}

/** Makes a node the active one (null: none), names it and points the chart at it. */
function setActive(kb: KeyboardParts, id: string | null): void {
  const nodes = kb.state.scene.nodes;
  const index = activeIndex(nodes, id);
  kb.active = index >= 0 ? id : null;
  if (index < 0) {
    kb.ring.hidden = true;
    kb.ring.removeAttribute("id");
    kb.root.removeAttribute("aria-activedescendant");
    delete kb.root.dataset.active;
    return;
  }
  const node = nodes[index];
  const ringId = `${kb.idPrefix}-node-${index}`;
  kb.ring.id = ringId;
  kb.ring.dataset.kind = node.data.kind;
  kb.ring.setAttribute(
    "aria-label",
    nodeAnnouncement(node.data, {
      links: kb.links.get(node.id) ?? 0,
      position: index + 1,
      total: nodes.length,
      selected: node.id === kb.state.selected,
      sectorLabel: kb.hooks.sectorLabel,
    }),
  );
  kb.ring.hidden = false;
  kb.root.setAttribute("aria-activedescendant", ringId);
  kb.root.dataset.active = node.id;
  placeRing(kb);
}

/** Puts the ring round its node as drawn now (r × √k on screen, as both renderers draw it). */
function placeRing(kb: KeyboardParts): void {
  const node = activeNode(kb);
  if (!node) return;
  const { transform } = kb.state;
  const [x, y] = toScreen(transform, node.x, node.y);
  const half = visibleRadius(node.r, transform.k) + RING_GAP;
  kb.ring.style.width = `${2 * half}px`;
  kb.ring.style.height = `${2 * half}px`;
  kb.ring.style.transform = `translate(${x - half}px, ${y - half}px)`;
}
