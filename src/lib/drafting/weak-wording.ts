/**
 * Weak wording that still names something concrete to do: the importance of
 * building a concrete mechanism ("acknowledged the importance of fostering
 * correspondent banking arrangements between …"), a concrete programme
 * singled out ("joint training programmes … were highlighted as an important
 * area of cooperation"), and talks that "focused on expanding the partnership
 * between" bodies the text names. Each is an exploratory commitment for the
 * reviewer to confirm; the same wording about relations, cooperation or ties
 * in general stays a trap ("underlined the importance of cooperation").
 * Every pattern is a plain alternation with bounded gaps: linear in the sentence.
 */

/** One weak wording found in a lower-cased sentence. */
export interface WeakWording {
  rule: string;
  start: number;
  end: number;
  words: string;
  /** The wording counts only when the text names a body (not a government, not generic) after it. */
  needsNamedBody: boolean;
}

/** Concrete things to set up or run, as opposed to relations, cooperation or ties in general. */
const MECHANISM =
  "(?:arrangements?|mechanisms?|programmes?|programs?|projects?|ventures?|working groups?|task forces?|committees?|councils?|centres?|centers?|funds?|platforms?|networks?|links?|channels?|corridors?|routes?|flights?|lines?|facilit(?:y|ies)|zones?|parks?|plants?|offices?|hubs?|schemes?|courses?|trainings?|fairs?|exhibitions?|agreements?)";

/** A verb of building or running, in its -ing form. */
const BUILDING =
  "(?:fostering|establishing|setting up|developing|creating|launching|building|opening|introducing|organi[sz]ing|holding|running|expanding|strengthening|promoting)";

/** Where the text records importance or attention without agreeing anything. */
const IMPORTANCE =
  "(?:acknowledged|acknowledging|recogni[sz]ed|recogni[sz]ing|underlined|underlining|underscored|stressed|stressing|emphasi[sz]ed|emphasi[sz]ing|highlighted|highlighting|noted|noting)";

/** A few words inside a noun phrase: no punctuation, so never past a clause break. */
const WORDS = (max: number) => `(?: [\\w'’-]+){0,${max}}?`;

const RULES: { rule: string; pattern: RegExp; needsNamedBody: boolean }[] = [
  {
    rule: "importance of building a concrete mechanism",
    pattern: new RegExp(
      `\\b${IMPORTANCE} the (?:importance|significance|value) of ${BUILDING}${WORDS(5)} ${MECHANISM}\\b`,
      "g",
    ),
    needsNamedBody: false,
  },
  {
    rule: "a concrete programme singled out as an area of cooperation",
    pattern: new RegExp(
      `\\b${MECHANISM}${WORDS(8)} (?:were|was|are|is|have been|has been) (?:highlighted|identified|singled out|named|designated|recogni[sz]ed|marked out) as (?:an?|the|one of the)(?: [\\w-]+){0,2}? (?:areas?|fields?|spheres?|directions?|priorit(?:y|ies))\\b`,
      "g",
    ),
    needsNamedBody: false,
  },
  {
    rule: "talks focused on a partnership of named bodies",
    pattern: new RegExp(
      `\\b(?:focused|focussed|concentrated|centred|centered) on (?:expanding|enhancing|strengthening|deepening|developing|broadening|boosting|widening)${WORDS(8)} (?:partnership|cooperation|collaboration|ties|links) between\\b`,
      "g",
    ),
    needsNamedBody: true,
  },
];

/** Every weak wording of a lower-cased sentence, in order. */
export function findWeakWording(lower: string): WeakWording[] {
  const found: WeakWording[] = [];
  for (const { rule, pattern, needsNamedBody } of RULES) {
    for (const m of lower.matchAll(pattern)) {
      found.push({ rule, start: m.index, end: m.index + m[0].length, words: m[0], needsNamedBody });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
