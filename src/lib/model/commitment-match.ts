/**
 * The shared filters as a test on one commitment, for code that counts in
 * Node without SQL (a story slide's figures): the same rule as
 * `commitmentWhere` (src/lib/model/filters.ts), which every page's SQL
 * applies, and the timeline's window (`inRange`, src/lib/sql/timeline-queries.ts).
 * test/cross/commitment-match.test.ts runs both on the sample records and
 * checks they pick the same commitments.
 */
import { dayNumber, dayOf, type FigureCommitment, type FigureRecords } from "./figure-records.js";
import type { FilterState } from "./filters.js";

/**
 * A test for the commitments the filters keep. Country: a party belongs to
 * one of the countries (any of its `countries`: a joint body matches each
 * member, an international body none). Years and window: the commitment's
 * date span overlaps them.
 */
export function commitmentMatcher(
  filters: FilterState,
  records: FigureRecords,
  window: { from: string; to: string } | null = null,
): (commitment: FigureCommitment) => boolean {
  const sectors = new Set(filters.sector);
  const statuses = new Set(filters.status);
  const series = new Set(filters.series);
  const byInstitution = filters.institution.length ? partiesIn(records, new Set(filters.institution)) : null;
  const byCountry = filters.country.length ? partiesOfCountries(records, new Set(filters.country)) : null;
  const first = filters.from !== undefined ? dayNumber(filters.from, 1, 1) : null;
  const last = filters.to !== undefined ? dayNumber(filters.to, 12, 31) : null;
  const windowFrom = window ? dayOf(window.from) : null;
  const windowTo = window ? dayOf(window.to) : null;
  return (c) =>
    (!sectors.size || sectors.has(c.sector)) &&
    (!statuses.size || statuses.has(c.status)) &&
    (!series.size || series.has(records.eventSeries.get(c.event_id) ?? "")) &&
    (!byInstitution || byInstitution.has(c.id)) &&
    (!byCountry || byCountry.has(c.id)) &&
    (first === null || c.date_to >= first) &&
    (last === null || c.date_from <= last) &&
    (windowFrom === null || c.date_to >= windowFrom) &&
    (windowTo === null || c.date_from <= windowTo);
}

/** Commitments that bind one of `institutions`. */
function partiesIn(records: FigureRecords, institutions: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const p of records.parties) if (institutions.has(p.institution_id)) out.add(p.commitment_id);
  return out;
}

/** Commitments that bind an institution of one of `countries`. */
function partiesOfCountries(records: FigureRecords, countries: ReadonlySet<string>): Set<string> {
  const inCountry = new Set(
    records.institutions.filter((i) => i.countries.some((code) => countries.has(code))).map((i) => i.id),
  );
  return partiesIn(records, inCountry);
}
