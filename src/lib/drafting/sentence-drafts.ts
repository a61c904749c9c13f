/**
 * The commitments of one sentence: its triggers give the clauses and their
 * actions, enumerations split a clause into items, and each item gets its
 * deadline, strength, sector and parties. Pure; `draft-text.ts` runs it over
 * every sentence.
 */
import { type Deadline, deadlineIn } from "./deadlines.js";
import type { Action, SectorKeywords } from "./draft-types.js";
import { actionItems, documentItems, type EnumerationItem, fieldItems, signatoryItems } from "./enumerations.js";
import type { Found } from "./gazetteer.js";
import { findTriggers, strengthOf, type Trigger } from "./register-rules.js";
import { chooseSector, sectorScores } from "./sector-keywords.js";

/** One drafted commitment, before it gets its key, sentence span and summary words. */
export interface ClauseDraft {
  action: Action;
  strength: "firm" | "intent" | "exploratory";
  item?: EnumerationItem;
  /** The words the commitment is about (the item, or the clause). */
  text: string;
  deadline?: Deadline;
  hint?: string;
  sector: string;
  alternatives: string[];
  parties: string[];
  weak: boolean;
  reasons: string[];
}

export interface SentenceContext {
  sentence: string;
  eventDate?: string;
  sectors: readonly SectorKeywords[];
  found: Found[];
  governments: string[];
  /** The action a list's introduction gave its items ("signed the following documents:"). */
  listAction?: Action;
}

const CLAUSE_BREAK = /(?:[,;]\s*(?:and|while|but)\s+|;\s+|\band\s+(?:\p{Lu}\p{L}*|they|he|she|both|the two)\s+)/u;

/**
 * The clauses' main triggers: the strongest, plus any later one with another
 * action after a clause break. A trigger that needs a named body is kept only
 * when `namesBodyAfter` finds one after its words.
 */
export function clauseTriggers(
  lower: string,
  sentence: string,
  namesBodyAfter: (from: number) => boolean = () => false,
): Trigger[] {
  const triggers = findTriggers(lower).filter((t) => !t.needsNamedBody || namesBodyAfter(t.end));
  if (triggers.length === 0) return [];
  const main = triggers.reduce((a, b) => (b.priority > a.priority ? b : a));
  const out = [main];
  for (const t of triggers) {
    if (t === main || t.priority < 3 || out.some((o) => o.action === t.action)) continue;
    const [a, b] = t.start < main.start ? [t, main] : [main, t];
    const between = sentence.slice(a.end, b.start);
    if (CLAUSE_BREAK.test(between) || (/\sand\s+$/.test(between) && b.priority >= 6)) out.push(t);
  }
  return out.sort((x, y) => x.start - y.start);
}

/** The items a clause splits into, or none. */
function itemsOf(trigger: Trigger, sentence: string, sectors: readonly SectorKeywords[]): EnumerationItem[] {
  const { action, start: from } = trigger;
  if (action === "signed" || action === "will_sign") {
    const docs = documentItems(sentence, trigger.end);
    return docs.length ? docs : signatoryItems(sentence);
  }
  const sectorOf = (text: string) => sectorScores(text, sectors)[0]?.id;
  const actions = actionItems(sentence, from);
  if (actions.length) return actions;
  return fieldItems(sentence, from, sectorOf);
}

/** The parties of an item: bodies named inside it, else those of the sentence outside other items, else the governments. */
function partiesOf(ctx: SentenceContext, item: EnumerationItem | undefined, others: EnumerationItem[]): string[] {
  const inside = item ? ctx.found.filter((f) => f.start >= item.start && f.end <= item.end) : [];
  const outside = ctx.found.filter((f) => !others.some((o) => f.start >= o.start && f.end <= o.end));
  const chosen = inside.length ? inside : outside;
  const ids = [...new Set(chosen.map((f) => f.id))];
  return ids.length ? ids : ctx.governments;
}

/** A future meeting's words: "next session in Islamabad". */
function meetingHint(sentence: string): string | undefined {
  const m =
    /\b((?:next|following|upcoming|\w+(?:st|nd|rd|th))\s+(?:session|meeting|round|summit)\b[^.;]*?\bin\s+(\p{Lu}\p{L}+))/u.exec(
      sentence,
    );
  if (m) return `${m[1]?.split(/\s+/).slice(0, 2).join(" ")} in ${m[2]}`;
  return /\b(?:next|following|upcoming)\s+(?:session|meeting|round|summit)\b/.exec(sentence)?.[0];
}

/** One clause's drafts: one per item, or one for the clause. */
function clauseDrafts(ctx: SentenceContext, trigger: Trigger, clauseEnd: number, alone: boolean): ClauseDraft[] {
  const { sentence } = ctx;
  const items = trigger.rule === "list" ? [] : itemsOf(trigger, sentence, ctx.sectors);
  const whole = sentence.slice(Math.max(0, trigger.start), clauseEnd);
  const targets = items.length ? items : [undefined];
  return targets.map((item) => {
    const text = item?.text ?? whole;
    let deadline = deadlineIn(text, ctx.eventDate) ?? (alone ? deadlineIn(sentence, ctx.eventDate) : undefined);
    if (
      trigger.action === "signed" &&
      deadline &&
      deadline.precision !== "span" &&
      !/\bfor\s+(?:19|20)\d{2}\b/.test(text)
    )
      deadline = undefined;
    const sector = chooseSector(item ? text : sentence, ctx.sectors, sentence);
    const hint = trigger.action === "host" ? meetingHint(sentence) : undefined;
    const reasons = [`${trigger.rule}: "${trigger.words}"`];
    if (trigger.weak) reasons.push("weak wording: no agreement is stated, so exploratory; confirm it is a commitment");
    if (item) reasons.push(`one of an enumeration (${item.kind}): "${item.text.slice(0, 80)}"`);
    if (deadline) reasons.push(`target from "${deadline.words}"`);
    if (sector.matched.length)
      reasons.push(`sector ${sector.sector} from ${sector.matched.map((k) => `"${k}"`).join(", ")}`);
    return {
      action: trigger.action,
      strength: trigger.weak ? "exploratory" : strengthOf(trigger.action, sentence.toLowerCase(), deadline),
      ...(item ? { item } : {}),
      text,
      ...(deadline ? { deadline } : {}),
      ...(hint ? { hint } : {}),
      sector: sector.sector,
      alternatives: sector.alternatives,
      parties: partiesOf(
        ctx,
        item,
        items.filter((i) => i !== item),
      ),
      weak: trigger.priority <= 3 || trigger.weak === true || item?.kind === "field",
      reasons,
    };
  });
}

/** Every commitment of a sentence (none when it has no trigger). */
export function sentenceDrafts(ctx: SentenceContext): ClauseDraft[] {
  const lower = ctx.sentence.toLowerCase();
  if (ctx.listAction) {
    const t: Trigger = { action: ctx.listAction, priority: 9, start: 0, end: 0, words: "item of a list", rule: "list" };
    return clauseDrafts(ctx, t, ctx.sentence.length, true);
  }
  const named = ctx.found.filter((f) => !f.generic && !ctx.governments.includes(f.id));
  const triggers = clauseTriggers(lower, ctx.sentence, (from) => named.some((f) => f.start >= from));
  return triggers.flatMap((t, i) =>
    clauseDrafts(ctx, t, triggers[i + 1]?.start ?? ctx.sentence.length, triggers.length === 1),
  );
}
