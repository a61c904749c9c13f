/**
 * Made-up timeline data for drawing benchmarks: one year's commitment marks
 * in a number of lanes, with status updates and a few event rules, shaped as
 * the timeline's queries return them (src/lib/sql/timeline-queries.ts) and
 * the same for the same seed. No DuckDB needed: bench/timeline-marks.ts hands
 * it to the page's own `timelineChart`.
 */
import { STATUSES, STRENGTHS } from "../../src/lib/model/schema.js";
import type { LaneRow, MarkRow, RuleRow, UpdateRow } from "../../src/lib/sql/timeline-queries.js";
import type { TimelineData } from "../../src/lib/timeline/timeline-rows.js";

export interface MadeUpOptions {
  marks: number;
  lanes: number;
  updates: number;
  year: number;
  seed: number;
  /** The day taken as today (YYYY-MM-DD); overdue marks are those due before it and not done. */
  today: string;
}

/** A seeded generator of numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** A mark's date: mostly a day, some a month, a few only a year. */
function markDate(r: () => number, year: number) {
  const start = Date.UTC(year, 0, 1);
  const day = iso(start + Math.floor(r() * 365) * DAY);
  const kind = r();
  if (kind < 0.8) return { date: day, date_precision: "day", date_from: day, date_to: day };
  if (kind < 0.95) {
    const month = day.slice(0, 7);
    const [y, m] = month.split("-").map(Number);
    return { date: month, date_precision: "month", date_from: `${month}-01`, date_to: iso(Date.UTC(y, m, 0)) };
  }
  return { date: String(year), date_precision: "year", date_from: `${year}-01-01`, date_to: `${year}-12-31` };
}

/** Half the marks have a target 30–400 days after their date, a fifth of those known only to the month. */
function markTarget(r: () => number, from: string) {
  const none = { target_date: null, target_date_precision: null, target_date_from: null, target_date_to: null };
  if (r() < 0.5) return { ...none, deadline: null };
  const due = iso(Date.parse(from) + (30 + Math.floor(r() * 370)) * DAY);
  if (r() < 0.2) {
    const month = due.slice(0, 7);
    const [y, m] = month.split("-").map(Number);
    const last = iso(Date.UTC(y, m, 0));
    const span = { target_date_from: `${month}-01`, target_date_to: last };
    return { target_date: month, target_date_precision: "month", ...span, deadline: last };
  }
  const day = { target_date_from: due, target_date_to: due };
  return { target_date: due, target_date_precision: "day", ...day, deadline: due };
}

function madeUpLanes(count: number, marks: readonly MarkRow[]): LaneRow[] {
  const n = new Map<string, number>();
  for (const m of marks) n.set(m.sector, (n.get(m.sector) ?? 0) + 1);
  return Array.from({ length: count }, (_, i) => {
    const sector = `sector-${String(i + 1).padStart(2, "0")}`;
    const hue = Math.round((i * 360) / count);
    const seen = n.get(sector) ?? 0;
    return { sector, label: `Sector ${i + 1}`, color: `hsl(${hue} 60% 45%)`, total: seen, n: seen };
  });
}

function madeUpRules(r: () => number, year: number): RuleRow[] {
  return Array.from({ length: 40 }, (_, i) => {
    const { date_from } = markDate(() => r() * 0.79, year);
    return {
      id: `event-${i + 1}`,
      title: `Made-up summit ${i + 1}`,
      kind: "summit",
      status: "held",
      start_date: date_from,
      start_date_precision: "day",
      start_date_from: date_from,
      start_date_to: date_from,
      end_date_to: date_from,
      series: null,
      series_short: null,
      series_body: null,
      session: null,
      place: null,
    } as RuleRow;
  });
}

/** One year of made-up marks in `lanes` lanes (busier lanes first), their updates and 40 event rules. */
export function madeUpYear(o: MadeUpOptions): TimelineData {
  const r = random(o.seed);
  const marks: MarkRow[] = [];
  for (let i = 0; i < o.marks; i++) {
    const lane = Math.floor(o.lanes * r() ** 1.5);
    const date = markDate(r, o.year);
    const target = markTarget(r, date.date_from);
    const status = pick(r, STATUSES);
    marks.push({
      id: `made-up-${i + 1}`,
      sector: `sector-${String(lane + 1).padStart(2, "0")}`,
      summary: `Made-up commitment ${i + 1}`,
      action: "fund",
      strength: pick(r, STRENGTHS),
      status,
      update_count: 0,
      ...date,
      ...target,
      target_event_id: null,
      target_event: null,
      target_note: null,
      overdue: target.deadline !== null && target.deadline < o.today && status !== "done",
      event_id: `event-${1 + (i % 40)}`,
      event: `Made-up summit ${1 + (i % 40)}`,
    });
  }
  const updates: UpdateRow[] = [];
  for (let i = 0; i < o.updates; i++) {
    const m = marks[Math.floor(r() * marks.length)];
    m.update_count += 1;
    const day = iso(Date.parse(m.date_to) + Math.floor(r() * 200) * DAY);
    updates.push({
      commitment_id: m.id,
      id: `update-${i + 1}`,
      status: pick(r, STATUSES),
      date: day,
      date_from: day,
      date_to: day,
    });
  }
  updates.sort((a, b) =>
    a.commitment_id < b.commitment_id
      ? -1
      : a.commitment_id > b.commitment_id
        ? 1
        : a.date_from.localeCompare(b.date_from),
  );
  marks.sort(
    (a, b) => a.sector.localeCompare(b.sector) || a.date_from.localeCompare(b.date_from) || a.id.localeCompare(b.id),
  );
  const domain = { from: `${o.year}-01-01`, to: `${o.year}-12-31` };
  return {
    lanes: madeUpLanes(o.lanes, marks),
    total: marks.length,
    marks,
    updates,
    density: [],
    events: madeUpRules(r, o.year),
    domain,
    extent: domain,
    today: o.today,
  };
}
