/** Words and colours for coded values, shared by every view and export. */
import type { Status } from "./schema.js";

export interface StatusMeta {
  label: string;
  color: string;
  description: string;
}

export const STATUS_META: Record<Status, StatusMeta> = {
  announced: { label: "Announced", color: "#8c8c8c", description: "Agreed, no later evidence yet." },
  in_progress: { label: "In progress", color: "#3b82c4", description: "Later evidence of work towards it." },
  done: { label: "Done", color: "#2e8b57", description: "Later evidence that it was carried out." },
  stalled: { label: "Stalled", color: "#c2691f", description: "Later evidence that it slipped or stopped." },
  dropped: { label: "Dropped", color: "#d63a2f", description: "Later evidence that it was abandoned." },
};

export const STATUS_ORDER = Object.keys(STATUS_META) as Status[];

/** "commission_session" → "Commission session". */
export function humanize(code: string | null | undefined): string {
  if (!code) return "";
  const text = code.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
