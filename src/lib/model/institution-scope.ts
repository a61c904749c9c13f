/**
 * Whose body an institution is. A national body belongs to one country; an
 * international organisation to none; a joint body (a joint commission, its
 * working groups) to each of its members. Views colour and group institutions
 * by their affiliation, and the country filter matches any of their countries.
 */
import { countryName } from "./countries.js";

export type InstitutionScope = "national" | "international" | "joint";

/** The affiliation of an international organisation, and of a joint body, in the `affiliation` column. */
export const INTERNATIONAL = "international";
export const JOINT = "joint";

export interface Affiliation {
  /** The country code, `international` or `joint`. */
  affiliation: string;
  /** The countries it belongs to, in the order written. */
  countries: string[];
  /** In words: "Pakistan", "International organisation", "Joint body (Belarus–Pakistan)". */
  label: string;
}

export interface ScopedInstitution {
  scope?: string | null;
  country?: string | null;
  members?: readonly string[] | null;
}

/** The affiliation of a validated institution (a national body has its country; a joint body its members). */
export function affiliationOf(i: ScopedInstitution): Affiliation {
  const scope = (i.scope ?? "national") as InstitutionScope;
  if (scope === "international")
    return { affiliation: INTERNATIONAL, countries: [], label: "International organisation" };
  if (scope === "joint") {
    const members = [...(i.members ?? [])];
    return { affiliation: JOINT, countries: members, label: `Joint body (${jointMembersLabel(members)})` };
  }
  const code = i.country ?? "";
  return { affiliation: code, countries: code ? [code] : [], label: code ? countryName(code) : "" };
}

/** "Belarus–Pakistan": a joint body's members by name, in alphabetical order. */
export function jointMembersLabel(members: readonly string[]): string {
  return members
    .map((code) => countryName(code))
    .sort((a, b) => a.localeCompare(b, "en"))
    .join("–");
}

/** Words for an affiliation key, as legends and filters show it. */
export function affiliationLabel(affiliation: string): string {
  if (affiliation === INTERNATIONAL) return "International organisations";
  if (affiliation === JOINT) return "Joint bodies";
  return countryName(affiliation);
}
