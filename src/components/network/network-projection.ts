/**
 * The projection's counts (countProjection, src/lib/network/project.ts) made
 * in the page's network worker: at a million commitments its two million
 * party links take 170 ms, a task the page would otherwise stall on while
 * the reader filters. The links' columns are copied (they are views into
 * DuckDB's answer), the counts come back handed over, not copied.
 */
import type { CodedLinks, ProjectionCounts, ProjectionOrder } from "../../lib/network/project.js";
import { askNetworkWorker, startNetworkWorker, type WorkerReply } from "./network-worker-channel.js";

interface ProjectReply extends WorkerReply {
  counts: ProjectionCounts;
}

/** A column as a compact Int32Array of its own (a view's slice copies only its part of the buffer). */
function ownInts(column: ArrayLike<number>): Int32Array {
  return column instanceof Int32Array ? column.slice() : Int32Array.from(column);
}

export async function countProjectionInWorker(links: CodedLinks, order: ProjectionOrder): Promise<ProjectionCounts> {
  const copy = {
    commitment: ownInts(links.commitment),
    institution: ownInts(links.institution),
    sector: ownInts(links.sector),
  };
  const reply = await askNetworkWorker<ProjectReply>({ kind: "project", links: copy, order }, [
    copy.commitment.buffer,
    copy.institution.buffer,
    copy.sector.buffer,
  ]);
  return reply.counts;
}

/** Starts the projection's worker while DuckDB answers the link query. */
export function startProjectionWorker(): void {
  startNetworkWorker("project");
}
