/**
 * Checks of an institution's scope against its other fields: a national body
 * names its one country, an international organisation none, a joint body at
 * least two member countries and no single country. An event series' body
 * should be a joint body or an international organisation.
 */

import type { Problem } from "../model/problems.js";
import { showValue } from "../model/problems.js";
import type { KeyGroups, Tables } from "./record-types.js";
import type { TableStore } from "./store.js";

interface ScopeRule {
  /** The field that must be there, or undefined. */
  needs?: "country" | "members";
  /** Fields that must be left out. */
  refuses: ("country" | "members")[];
}

const RULES: Record<string, ScopeRule> = {
  national: { needs: "country", refuses: ["members"] },
  international: { refuses: ["country", "members"] },
  joint: { needs: "members", refuses: ["country"] },
};

const present = (value: unknown) => value !== null && value !== undefined && !(Array.isArray(value) && !value.length);

export function checkInstitutionScopes(stores: Tables<TableStore>, problems: Problem[]): void {
  const institutions = stores.institutions;
  for (let i = 0; i < institutions.length; i++) {
    const scope = (institutions.get("scope", i) as string | null) ?? "national";
    const rule = RULES[scope];
    if (!rule) continue;
    if (rule.needs && !present(institutions.get(rule.needs, i))) {
      problems.push({
        severity: "error",
        ...institutions.loc(i),
        field: `${institutions.path(i)}.${rule.needs}`,
        message: `is missing for ${scope === "joint" ? "a joint body" : "a national body"}`,
        expected:
          rule.needs === "country"
            ? "the country code of the body (or scope: international for an international organisation, scope: joint with members for a joint body)"
            : "the member countries' codes, at least two, for example members: [PK, BY]",
      });
    }
    for (const field of rule.refuses) {
      const value = institutions.get(field, i);
      if (!present(value)) continue;
      problems.push({
        severity: "error",
        ...institutions.fieldLoc(i, field),
        field: `${institutions.path(i)}.${field}`,
        value: showValue(value),
        message: `is given for ${scope === "joint" ? "a joint body" : scope === "international" ? "an international organisation" : "a national body"}`,
        expected:
          field === "country"
            ? scope === "joint"
              ? "no country: a joint body lists its countries in members"
              : "no country: an international organisation belongs to none"
            : "no members: only a joint body (scope: joint) has member countries",
      });
    }
    const members = institutions.get("members", i) as string[] | null;
    if (scope === "joint" && members && members.length === 1) {
      problems.push({
        severity: "error",
        ...institutions.fieldLoc(i, "members"),
        field: `${institutions.path(i)}.members`,
        value: showValue(members),
        message: "names one country; a joint body has two or more",
        expected: "at least two member countries (a body of one country is national: give its country instead)",
      });
    }
  }
}

export function checkSeriesBodies(stores: Tables<TableStore>, groups: KeyGroups, problems: Problem[]): void {
  const events = stores.events;
  const institutions = stores.institutions;
  for (let i = 0; i < events.length; i++) {
    const body = events.get("series_body_id", i) as string | null;
    if (body === null || body === undefined) continue;
    const at = groups.institutions.first.get(body);
    if (at === undefined) continue; // an unknown id is reported by the reference check
    const scope = (institutions.get("scope", at) as string | null) ?? "national";
    if (scope !== "national") continue;
    problems.push({
      severity: "warning",
      ...events.fieldLoc(i, "series_body_id"),
      field: `${events.path(i)}.series_body_id`,
      value: showValue(body),
      message: "is a national body; a series' body is usually a joint body or an international organisation",
      expected: "the id of an institution with scope: joint or scope: international",
    });
  }
}
