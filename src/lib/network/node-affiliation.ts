/**
 * Whose body a network node is, in words and in marks: a country's
 * institution, an international organisation, or a joint body of its members
 * ("Joint body of Belarus and Pakistan"); and whether the sources only name
 * it generically ("the chambers of commerce"). Tooltips, the side panel, the
 * node announcement, the tables and the exports say it the same way; the
 * scene marks the node by it (a ring, a double ring, a dashed outline).
 */
import { countryName } from "../model/countries.js";
import { INTERNATIONAL, JOINT } from "../model/institution-scope.js";
import { humanize } from "../model/value-labels.js";
import type { InstitutionInfo } from "./graph.js";

/** How a node is outlined: a country's institution plainly; an international organisation with a ring; a joint body with a double ring. */
export type NodeOutline = "plain" | "ring" | "double";

/** True for an institution the sources name only generically: drawn apart, counted apart, never ranked. */
export function isGeneric(inst: Pick<InstitutionInfo, "naming">): boolean {
  return inst.naming === "generic";
}

/** The outline that marks an affiliation (colour aside, so it reads without colour too). */
export function outlineOf(affiliation: string): NodeOutline {
  if (affiliation === INTERNATIONAL) return "ring";
  if (affiliation === JOINT) return "double";
  return "plain";
}

/** "Belarus and Pakistan", "Belarus, Kazakhstan and Pakistan": names in alphabetical order. */
export function memberNames(codes: readonly string[]): string {
  const names = codes.map((c) => countryName(c)).sort((a, b) => a.localeCompare(b, "en"));
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * The affiliation in words: the country's name, "International organisation",
 * or "Joint body of Belarus and Pakistan". Never empty: a node with no
 * affiliation at all (a bug upstream) reads "No country given".
 */
export function affiliationWords(inst: Pick<InstitutionInfo, "affiliation" | "countries" | "country_name">): string {
  if (inst.affiliation === JOINT && inst.countries.length) return `Joint body of ${memberNames(inst.countries)}`;
  if (inst.affiliation === INTERNATIONAL) return "International organisation";
  return inst.country_name || (inst.affiliation ? countryName(inst.affiliation) : "No country given");
}

/** What a generic institution is called in counts and tags. */
export const GENERIC_NOTE = "generic mention";

/** The label drawn for a node: its acronym or name, with "(generic)" after a generic one. */
export function drawnLabel(inst: Pick<InstitutionInfo, "naming">, label: string): string {
  return isGeneric(inst) ? `${label} (generic)` : label;
}

/**
 * An institution's facts in one line: "Joint body of Belarus and Pakistan ·
 * Ministry", then "generic mention" for a generic one. `lower` writes the
 * type in lower case (the node announcement's "Pakistan, agency").
 */
export function institutionFacts(
  inst: Pick<InstitutionInfo, "affiliation" | "countries" | "country_name" | "naming" | "type">,
  separator = " · ",
  lower = false,
): string {
  const type = humanize(inst.type);
  return [affiliationWords(inst), lower ? type.toLowerCase() : type, isGeneric(inst) ? GENERIC_NOTE : ""]
    .filter(Boolean)
    .join(separator);
}
