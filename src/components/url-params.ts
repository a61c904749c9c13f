/**
 * Keeps a view's own parameters in the address bar (replaceState, so the
 * back button still steps through filter changes, which the filter bar
 * pushes). A null value removes the parameter; others are left as they are.
 */
export function replaceParams(updates: Record<string, string | null>): void {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(updates)) {
    if (value === null || value === "") params.delete(key);
    else params.set(key, value);
  }
  const text = params.toString();
  const next = `${window.location.pathname}${text ? `?${text}` : ""}${window.location.hash}`;
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
    history.replaceState(history.state, "", next);
}
