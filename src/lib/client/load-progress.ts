/**
 * The sentence the page's status line shows while the query engine starts
 * and tables load (src/components/db.ts, db-status.ts). Pure.
 */
import type { LoadProgress, TableProgress } from "./table-loader.js";

export function formatBytes(bytes: number): string {
  return bytes < 1e6 ? `${Math.round(bytes / 1e3)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** "commitments (12 of 32 parts)", or the bare name for a table of one part. */
function describeTable(t: TableProgress): string {
  return t.parts > 1 ? `${t.table} (${t.loadedParts} of ${t.parts} parts)` : t.table;
}

/** "3.1 of 10.2 MB", once there is anything to count. */
export function bytesLine(progress: Pick<LoadProgress, "bytes" | "received">): string {
  if (progress.bytes <= 0) return "";
  return `${formatBytes(Math.min(progress.received, progress.bytes))} of ${formatBytes(progress.bytes)}`;
}

/**
 * What the engine and the loads are doing, in one sentence:
 * - "Starting the query engine…" (and the tables already on their way);
 * - "Loading tables 2/5: commitments (12 of 32 parts), status_updates · 3.1 of 10.2 MB…";
 * - "Ready: 5 tables loaded (12.0 MB)."
 * With `bytes: false`, the sentences leave the running byte count out (the
 * status line shows it as a bar, so screen readers are not told every chunk).
 * With `quietSeconds`, the engine's start has shown no progress for that
 * long: the sentence says so, and that the page is still waiting.
 */
export function loadMessage(
  progress: LoadProgress,
  started: boolean,
  options: { bytes?: boolean; quietSeconds?: number } = {},
): string {
  const tables = progress.tables;
  const loading = tables.filter((t) => !t.done);
  const done = tables.length - loading.length;
  const bytes = options.bytes === false ? "" : bytesLine(progress);
  if (!started) {
    const starting = loading.length
      ? `Starting the query engine; loading ${loading.map((t) => t.table).join(", ")}${bytes ? ` · ${bytes}` : ""}…`
      : "Starting the query engine…";
    return options.quietSeconds ? `${starting} ${slowStartNote(options.quietSeconds)}` : starting;
  }
  if (loading.length) {
    return `Loading tables ${done}/${tables.length}: ${loading.map(describeTable).join(", ")}${bytes ? ` · ${bytes}` : ""}…`;
  }
  const size = progress.bytes > 0 ? ` (${formatBytes(progress.bytes)})` : "";
  return `Ready: ${tables.length} table${tables.length === 1 ? "" : "s"} loaded${size}.`;
}

/** What the status line adds while the engine's start has shown no progress for a while. */
function slowStartNote(seconds: number): string {
  return `No progress for ${seconds} s: compiling the engine takes longer on a busy or slow computer. Still waiting.`;
}
