/**
 * The drafter's entry point: a press release or communiqué in, the event, its
 * commitments (each with the sentence it came from, its action, strength,
 * sector, target and parties, and the reasons), the institutions it proposes
 * and what it could not do out. Pure: runs in Node and in the browser.
 */

import { mainCountries } from "./country-mentions.js";
import type {
  Action,
  DraftCommitment,
  DraftContext,
  DraftInput,
  DraftResult,
  ProposedInstitution,
  SentenceSpan,
} from "./draft-types.js";
import { datelineLength, eventOf } from "./event-header.js";
import { Gazetteer } from "./gazetteer.js";
import { prepareText } from "./input-text.js";
import { backgroundReason, findTriggers, trapHolds, trapOf } from "./register-rules.js";
import { type ClauseDraft, sentenceDrafts } from "./sentence-drafts.js";
import { locateSentences } from "./sentence-offsets.js";
import { splitBody, splitSentences, type TextSentence } from "./sentences.js";

/** Sentences longer than this are not drafted (a text without full stops). */
export const MAX_SENTENCE_CHARS = 2000;

const ACTION_WORDS: Record<string, string> = {
  signed: "Signed",
  will_sign: "To sign",
  implement: "To implement",
  agreed: "Agreed",
  committed: "Committed",
  explore: "To explore",
  host: "To hold",
  facilitate: "To facilitate",
  renew: "To renew",
};

/** A short summary for review: the action in a word, then the item or clause. */
function summaryOf(draft: ClauseDraft): string {
  const words = draft.text
    .replace(/\s+/g, " ")
    .replace(/[;:,.]+$/, "")
    .trim()
    // "Agreed: agreed to set up …" would say it twice: the clause's own leading verb goes.
    .replace(/^(?:agreed|decided|signed|committed|pledged|undertook)(?: on| to| that)?\s+/i, "");
  const short = words.length > 220 ? `${words.slice(0, 217).replace(/\s+\S*$/, "")}…` : words;
  return `${ACTION_WORDS[draft.action] ?? draft.action}: ${short}.`;
}

/** The list-introducing action of a sentence ending in ":" (or of the one before it). */
function listActionOf(sentence: TextSentence, previous: TextSentence | undefined) {
  if (!/:\s*$/.test(sentence.text)) return undefined;
  const own = findTriggers(sentence.text.toLowerCase());
  const before = previous ? findTriggers(previous.text.toLowerCase()) : [];
  const pick = own.length ? own : before;
  const best = pick.reduce<(typeof pick)[number] | undefined>(
    (a, b) => (!a || b.priority > a.priority ? b : a),
    undefined,
  );
  return best?.action ?? (/\b(?:documents|agreements|memoranda)\b/i.test(sentence.text) ? "signed" : undefined);
}

/** What one sentence's drafting needs from the whole text. */
interface TextState {
  gazetteer: Gazetteer;
  governments: string[];
  context: DraftContext;
  eventId: string;
  eventDate?: string;
  eventYear?: number;
}

/** Why a sentence is left out (no trigger, a trap, background), or undefined when it is drafted. */
function leftOut(lower: string, eventYear: number | undefined): string | undefined {
  const triggers = findTriggers(lower);
  if (triggers.length === 0) return "no commitment wording";
  const trap = trapOf(lower);
  if (trap && trapHolds(triggers, trap)) return trap;
  return backgroundReason(lower, triggers, eventYear);
}

/** The drafts of one sentence (an item of a list when `listAction` is given). */
function draftSentence(
  sentence: TextSentence,
  at: SentenceSpan,
  state: TextState,
  listAction: Action | undefined,
): DraftCommitment[] {
  if (!listAction && leftOut(sentence.text.toLowerCase(), state.eventYear)) return [];
  const found = state.gazetteer.find(sentence.text, sentence.index, at.start);
  const drafts = sentenceDrafts({
    sentence: sentence.text,
    ...(state.eventDate ? { eventDate: state.eventDate } : {}),
    sectors: state.context.sectors,
    found,
    governments: state.governments,
    ...(listAction ? { listAction } : {}),
  });
  return drafts.map((d, n) => ({
    key: `${state.eventId}-s${sentence.index}${drafts.length > 1 ? `-${n + 1}` : ""}`,
    sentence: at,
    summary: summaryOf(d),
    sector: d.sector,
    sector_alternatives: d.alternatives,
    action: d.action,
    strength: d.strength,
    ...(d.deadline ? { target_date: d.deadline.value } : {}),
    ...(d.hint ? { target_event_hint: d.hint } : {}),
    parties: d.parties,
    confidence: d.weak || d.parties.every((p) => state.governments.includes(p)) ? "low" : "medium",
    reasons: d.reasons,
  }));
}

/** Drafts the commitments of a text against the records' institutions and sectors. */
export function draftText(input: DraftInput, context: DraftContext): DraftResult {
  const prepared = prepareText(input.text);
  const warnings = [...prepared.warnings];
  const body = splitBody(prepared.text);
  const sentences = splitSentences(prepared.text);
  const spans = locateSentences(prepared.text, body.headline, sentences);
  const countries = mainCountries(`${body.headline}\n${body.paragraphs.join("\n")}`);
  const event = eventOf({ ...input, text: prepared.text }, body.headline, sentences[0]?.text ?? "");
  if (sentences.length === 0)
    warnings.push("No sentences found: the text needs a headline, then paragraphs of sentences.");
  const gazetteer = new Gazetteer(context.institutions, countries);
  const state: TextState = {
    gazetteer,
    governments: countries.map((c) => gazetteer.government(c)),
    context,
    eventId: event.id.slice(0, 64).replace(/-+$/, ""),
    ...(event.start_date ? { eventDate: event.start_date, eventYear: Number(event.start_date.slice(0, 4)) } : {}),
  };
  if (countries.length < 2) {
    warnings.push(
      `Found ${countries.length === 0 ? "no country" : "only one country"} in the text: drafts fall back to ${countries.length === 0 ? "no" : "one"} government as parties.`,
    );
  }
  const commitments: DraftCommitment[] = [];
  let listAction: Action | undefined;
  sentences.forEach((original, i) => {
    const span = spans[i] ?? { start: 0, end: 0 };
    const at: SentenceSpan = {
      index: original.index,
      paragraph: original.paragraph,
      start: prepared.inputOffset(span.start),
      end: prepared.inputOffset(span.end),
    };
    if (original.text.length > MAX_SENTENCE_CHARS) {
      warnings.push(
        `Sentence ${original.index} (¶${original.paragraph}) is ${original.text.length} characters long and was not drafted.`,
      );
      return;
    }
    const intro = listActionOf(original, sentences[i - 1]);
    if (intro) {
      listAction = intro;
      return;
    }
    // The dateline ("AMMAN, 7 August 2023 — ") is blanked, offsets kept.
    const cut = i === 0 ? datelineLength(original.text) : 0;
    const sentence = { ...original, text: " ".repeat(cut) + original.text.slice(cut) };
    if (!(listAction && /^\p{Ll}/u.test(sentence.text))) listAction = undefined;
    commitments.push(...draftSentence(sentence, at, state, listAction));
  });
  const used = new Set(commitments.flatMap((c) => c.parties));
  const institutions: ProposedInstitution[] = gazetteer.proposed().filter((p) => used.has(p.id));
  if (sentences.length > 0 && commitments.length === 0) {
    warnings.push("No commitment found: no sentence uses the wording of an agreement, signature, pledge or plan.");
  }
  return { event, commitments, institutions, warnings };
}
