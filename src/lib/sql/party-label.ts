/**
 * How an export writes a party: its short name and whose body it is, in one
 * SQL expression over an institution aliased `i`. "MoC (PK)", "JPCC (joint
 * body of PK, BY)", "UNDP (international organisation)", and ", generic" for
 * an institution the sources name only generically: "relevant ministries
 * (BY, generic)". Never null, so no party drops out of string_agg.
 */
import { raw, type SqlFragment } from "./fragment.js";

/** The party's label: acronym (or name) and, in brackets, its scope, country or members, and naming. */
export const partyWithScope: SqlFragment = raw(`coalesce(i.acronym, i.name) || ' (' ||
        CASE i.scope
          WHEN 'international' THEN 'international organisation'
          WHEN 'joint' THEN 'joint body of ' || array_to_string(i.members, ', ')
          ELSE coalesce(i.country, '?') END ||
        CASE WHEN i.naming = 'generic' THEN ', generic' ELSE '' END || ')'`);

/** The order parties are listed in: by affiliation (country code, then `international`, `joint`), then label. */
export const partyOrder: SqlFragment = raw("i.affiliation, coalesce(i.acronym, i.name)");
