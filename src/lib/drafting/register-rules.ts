/**
 * The diplomatic register: which words make a sentence a commitment and what
 * they say about its action and strength ("agreed to", "signed", "will hold",
 * "called for"), and the traps that look like one but are not (praise,
 * "underlined the importance of", background in the past, counting the
 * documents signed, a sentence that only restates the one before). Every
 * pattern is a plain alternation with bounded gaps: linear in the sentence.
 */
import type { Action } from "./draft-types.js";
import { findWeakWording } from "./weak-wording.js";

export interface Trigger {
  action: Action;
  /** Higher wins when several triggers share a clause. */
  priority: number;
  /** Where the words start and end in the sentence. */
  start: number;
  end: number;
  words: string;
  rule: string;
  /** Weak wording (`weak-wording.ts`): an exploratory draft of low confidence. */
  weak?: boolean;
  /** Kept only when the sentence names a body after the words (checked where bodies are known). */
  needsNamedBody?: boolean;
}

interface TriggerRule {
  rule: string;
  action: Action;
  priority: number;
  pattern: RegExp;
}

/** Most specific first; a later rule's match inside an earlier one's words is dropped. */
const TRIGGER_RULES: TriggerRule[] = [
  {
    rule: "request",
    action: "explore",
    priority: 11,
    pattern:
      /\b(?:called for|call(?:ed|s)? on|asked(?: for)?|requested|urged|invited|stressed the need|underlined the need|proposed that)\b/g,
  },
  {
    rule: "renewal",
    action: "renew",
    priority: 10,
    pattern:
      /\b(?:renew(?:al|ed|ing)?|prolong(?:ed|ing)?|extend(?:ed|ing)? the (?:validity|agreement|memorandum|term))\b/g,
  },
  {
    rule: "document to come",
    action: "will_sign",
    priority: 10,
    pattern:
      /\b(?:(?:agreed|decided|planned|plan|intend|expected|ready|set|undertook) to (?:sign|conclude|finali[sz]e|negotiate|draft|prepare|work out)|will (?:be )?(?:sign(?:ed)?|conclude[d]?|finali[sz]ed?)|to be (?:signed|concluded|finali[sz]ed)|finali[sz](?:e|ing|ation of)|should be (?:concluded|signed|finali[sz]ed)|negotiations? on|including the signing of|the signing of (?:an?|new) )\b/g,
  },
  {
    rule: "signed at the event",
    action: "signed",
    priority: 9,
    pattern:
      /\b(?:(?<!(?:\(?mous?\)?|memorand(?:um|a)|agreements?|protocols?|accords?|documents?) )signed|inked|initialled|exchanged|adopted|(?:were|was|have been|has been) concluded|concluded (?:an?|the)|witnessed the signing|the signing of)\b/g,
  },
  {
    rule: "future meeting",
    action: "host",
    priority: 8,
    pattern:
      /\b(?:(?:will|to|would|shall) (?:hold|host|convene|organi[sz]e)|will be (?:held|hosted|convened)|will take place|to take place|readiness to host|hold the next|next (?:session|meeting|round) (?:of|will|is|in))\b/g,
  },
  {
    rule: "put into effect",
    action: "implement",
    priority: 7,
    pattern:
      /\b(?:implement(?:ing|ed)?|(?<!for )the implementation of|put (?:it |them )?into (?:effect|practice|operation)|carry out|speed up the (?:projects?|implementation|work)|accelerate the (?:projects?|implementation)|(?:strengthen|step up|speed up|accelerate|expedite)(?: the)?(?: [\w-]+){0,4} (?:plan|agreement|programme|project)s?\b|fulfil(?:l)?(?:ing)? the)\b/g,
  },
  {
    rule: "help or encourage",
    action: "facilitate",
    priority: 6,
    pattern:
      /\b(?:facilitat(?:e|ing)|encourag(?:e|ing)|support the participation|take (?:an )?active part|efforts will be made to support)\b/g,
  },
  {
    rule: "explore",
    action: "explore",
    priority: 5,
    pattern:
      /\b(?:explor(?:e|ing)|expressed (?:its |their |a )?(?:shared )?interest|possibility of|prospects? (?:of|for)|consider(?:ing)? (?:the|a|an)|feasibility of|look into|study (?:the|a))\b/g,
  },
  {
    rule: "agreed or decided",
    action: "agreed",
    priority: 4,
    pattern:
      /\b(?:agreed|decided|directed|instructed|told (?:officials|ministries|agencies|the)|tasked|given the task|(?:to|will) be (?:set up|established|formed|created)|agreement to|announced)\b/g,
  },
  {
    rule: "pledged",
    action: "committed",
    priority: 3.5,
    pattern:
      /\b(?:committed to|commitment to|pledged|undert(?:ook|akes?) to|reaffirmed|restat(?:ed|ing)|ready to|readiness to|willingness to|intends? to|vowed|promised)\b/g,
  },
  { rule: "will", action: "committed", priority: 3, pattern: /\b(?:will|would|shall|aim(?:s|ed)? to)\b/g },
];

/** Words that never make a commitment alone: praise, thanks, importance, noting the past. */
const TRAPS: { rule: string; pattern: RegExp }[] = [
  {
    rule: "general remark",
    pattern:
      /\b(?:cooperation|collaboration|ties|relations|partnership) (?:across|in) (?:key|various|several|many|all|a range of|different|a number of) (?:sectors|areas|fields|spheres)\b/,
  },
  {
    rule: "importance or praise",
    pattern:
      /\b(?:underlined|underscored|stressed|emphasi[sz]ed|highlighted|recogni[sz]ed|acknowledged|noted) the (?:importance|significance|role|place)\b|\b(?:praised|thanked|commended|appreciated|hailed|congratulated)\b|\bexpressed (?:satisfaction|gratitude|appreciation)\b|\bwelcomed the (?:opening|launch|start|completion|progress|results?|holding)\b/,
  },
  {
    rule: "counting the documents",
    pattern:
      /\b(?:signed|signing of) (?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a number of|a package of|new)(?: [\w-]+){0,2} (?:agreements|documents|memoranda|mous|accords|deals|instruments)\b(?!.*\b(?:including|among them|namely|such as)\b)(?![^:]*:\s*$)/,
  },
];

/** Weak wording gives an agreed action of this priority: above a bare "will", below a pledge. */
const WEAK_PRIORITY = 3.2;

/** True when a trap leaves the sentence out: no trigger stronger than a bare "will" or "explore" beside it, and for importance, no weak wording that names something concrete. */
export function trapHolds(triggers: readonly Trigger[], trap: string): boolean {
  if (trap === "importance or praise" && triggers.some((t) => t.weak)) return false;
  if (trap === "general remark")
    return !triggers.some((t) => t.action === "signed" || t.action === "host" || t.action === "will_sign");
  return !triggers.some((t) => t.priority >= 3.5 && t.rule !== "explore" && t.rule !== "signed at the event");
}

/** Every trigger in a lower-cased sentence, most specific first, overlapping matches dropped. */
export function findTriggers(lower: string): Trigger[] {
  const found: Trigger[] = [];
  for (const rule of TRIGGER_RULES) {
    for (const m of lower.matchAll(rule.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((t) => start < t.end && end > t.start)) continue;
      found.push({ action: rule.action, priority: rule.priority, start, end, words: m[0], rule: rule.rule });
    }
  }
  for (const w of findWeakWording(lower)) {
    if (found.some((t) => w.start < t.end && w.end > t.start)) continue;
    const { start, end, words, rule, needsNamedBody } = w;
    found.push({ action: "agreed", priority: WEAK_PRIORITY, start, end, words, rule, weak: true, needsNamedBody });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The trap a sentence falls in, if any (its rule name). */
export function trapOf(lower: string): string | undefined {
  return TRAPS.find((t) => t.pattern.test(lower))?.rule;
}

/** Why a sentence with triggers is still not a commitment: history, a count of documents listed later, an echo of the sentence before. */
export function backgroundReason(lower: string, triggers: Trigger[], eventYear?: number): string | undefined {
  const strong = triggers.some((t) => t.priority >= 4);
  if (/^(?:this|these|it|such)\b/.test(lower) && !triggers.some((t) => t.action === "implement")) {
    return "restates the sentence before (starts with This/These/It)";
  }
  if (/\bhad (?:been )?\w+(?:ed|en)\b/.test(lower) && !/\bagreed|decided\b/.test(lower))
    return "past perfect: background";
  const years = [...lower.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  if (eventYear && years.length > 0 && years.every((y) => y < eventYear) && !/\b(?:will|to be|next)\b/.test(lower)) {
    return `only years before the event (${years.join(", ")}): history`;
  }
  if (
    !strong &&
    /\b(?:last year|in recent years|over the past|so far|has grown|have grown|grew|reached)\b/.test(lower)
  ) {
    return "a past delivery or figure";
  }
  return undefined;
}

/** Strength from the wording and the deadline: signed is firm, requests and "should" are exploratory, a dated plan is firm. */
export function strengthOf(
  action: Action,
  lowerClause: string,
  deadline: { precision: string } | undefined,
): "firm" | "intent" | "exploratory" {
  if (action === "signed") return "firm";
  if (action === "explore") return "exploratory";
  if (
    /\b(?:should|stressed|possibility|prospects?|consider|could|may|might|proposal)\b/.test(lowerClause) &&
    action !== "host"
  ) {
    return "exploratory";
  }
  if (!deadline) return "intent";
  if (/\baims?\b|\baimed\b|\bgoal\b|\btarget\b/.test(lowerClause)) return "intent";
  if (deadline.precision === "day" || deadline.precision === "month") return "firm";
  return action === "host" ? "firm" : "intent";
}
