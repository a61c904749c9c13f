/**
 * Small DOM helpers. Text from records always goes in as text nodes, never as
 * HTML; links accept only http and https.
 */
type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") node.addEventListener(name.replace(/^on/, ""), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

function append(node: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** An outbound link, or plain text when the URL is not http(s). */
export function link(href: string | null | undefined, text: string): HTMLElement {
  if (href && /^https?:\/\//i.test(href)) {
    return el("a", { href, target: "_blank", rel: "noopener noreferrer" }, text);
  }
  return el("span", {}, text);
}

/** A message for views with nothing to show. */
export function emptyState(title: string, detail: string): HTMLElement {
  return el("div", { class: "aa-empty", role: "status" }, el("strong", {}, title), detail);
}

/** A readable error for a view that failed. */
export function errorState(title: string, error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  return el("div", { class: "aa-error", role: "alert" }, el("strong", {}, title), "\n", message);
}

/** Sets a performance mark the first time it is called with `name` (for the load benchmark); returns `node`. */
export function markFirst<T>(name: string, node: T, startTime?: number): T {
  if (typeof performance !== "undefined" && performance.getEntriesByName(name).length === 0)
    performance.mark(name, startTime === undefined ? undefined : { startTime });
  return node;
}
