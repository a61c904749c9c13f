/**
 * The /draft page's workings: the text comes in (text-source.ts), the drafter
 * (loaded on demand, drafter-loader.ts) proposes the event and its
 * commitments, each shown as a card to change, accept or reject
 * (draft-card.ts); every change rebuilds the event file (draft-review.ts),
 * checks it as `npm run validate` would beside the data folder's records
 * (file-beside-records.ts) and puts each problem on the field it concerns.
 */
import {
  acceptedKeys,
  addInstitution,
  type DraftReview,
  decide,
  decideAll,
  editDraft,
  reviewCounts,
  reviewFileName,
  reviewYaml,
  startReview,
} from "../../lib/drafting/draft-review.js";
import { type PlacedProblem, placeProblems } from "../../lib/drafting/review-problems.js";
import type { DraftPageContext } from "../../lib/model/contracts.js";
import { checkFileBesideRecords } from "../../lib/records/file-beside-records.js";
import { el, emptyState } from "../dom.js";
import { checkReport } from "./check-report.js";
import { type DraftCard, draftCard } from "./draft-card.js";
import { loadDrafter } from "./drafter-loader.js";
import { type EventOverrides, eventFields } from "./event-fields.js";
import { fileOutput } from "./file-output.js";
import { choicesList, type PartyChoice } from "./party-picker.js";
import { textView } from "./sentence-highlight.js";
import { textSource } from "./text-source.js";

/** Quiet time after the last keystroke before the text is drafted again. */
const TYPING_PAUSE_MS = 300;

/** Problems grouped by field, for one target (an event, or a card by key). */
function byField(problems: readonly PlacedProblem[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of problems) {
    const field = p.field ?? "";
    out.set(field, [...(out.get(field) ?? []), p.text]);
  }
  return out;
}

/** The parts of the page, built once. */
function pageParts(onText: (text: string) => void, onEvent: (o: EventOverrides) => void) {
  return {
    model: el("p", { class: "aa-draft-model", role: "status", "data-testid": "draft-model" }),
    source: textSource(onText),
    event: eventFields(onEvent),
    warnings: el("ul", {
      class: "aa-draft-warnings",
      "data-testid": "draft-warnings",
      "aria-label": "What the drafter could not do",
    }),
    empty: emptyState(
      "Paste a press release…",
      " …or open a file above: its drafts show here, each with the sentence it came from.",
    ),
    view: textView(),
    cards: el("div", { class: "aa-draft-cards", "data-testid": "draft-cards" }),
    choices: el("div", {}),
    counts: el("p", { class: "aa-draft-tally", role: "status" }),
    check: checkReport(),
    output: fileOutput(),
  };
}

type Parts = ReturnType<typeof pageParts>;

/** What the page holds between events. */
interface Session {
  context: DraftPageContext;
  parts: Parts;
  root: HTMLElement;
  text: string;
  overrides: EventOverrides;
  review?: DraftReview;
  cards: Map<string, DraftCard>;
  /** Institution ids of the records: a new one must not take them. */
  taken: Set<string>;
  /** Counts drafting runs, so a slow one does not overwrite a newer one. */
  run: number;
}

/** Institutions to choose parties from: the records', then those proposed. */
function choicesOf(session: Session): PartyChoice[] {
  const { review } = session;
  return [
    ...session.context.institutions.map((i) => ({ ...i, proposed: false })),
    ...(review ? [...review.result.institutions, ...review.added].map((i) => ({ ...i, proposed: true })) : []),
  ];
}

const CARD_FIELDS = new Set(["sector", "action", "strength", "target_date", "parties"]);

/** Each card's problems: its own, and those of the proposed institutions among its parties. */
function showCardProblems(session: Session, placed: readonly PlacedProblem[]): void {
  const { review } = session;
  if (!review) return;
  for (const [key, card] of session.cards) {
    const parties = review.edits[key]?.parties ?? review.result.commitments.find((c) => c.key === key)?.parties ?? [];
    const own = placed.filter((p) => p.target === "commitment" && p.id === key);
    const bodies = placed
      .filter((p) => p.target === "institution" && parties.includes(p.id ?? ""))
      .map((p) => ({ ...p, field: "parties" }));
    card.problems(byField([...own, ...bodies].map((p) => (CARD_FIELDS.has(p.field ?? "") ? p : { ...p, field: "" }))));
  }
}

/** Rebuilds the file, checks it, and shows every problem where it belongs. */
function refresh(session: Session): void {
  const { review, parts } = session;
  if (!review) return;
  const yaml = reviewYaml(review);
  const name = reviewFileName(review);
  const placed = placeProblems(checkFileBesideRecords(yaml, name, session.context.known), yaml);
  const accepted = acceptedKeys(review).size;
  parts.check.show(placed, accepted);
  parts.event.problems(byField(placed.filter((p) => p.target === "event")));
  showCardProblems(session, placed);
  const counts = reviewCounts(review);
  parts.counts.textContent = `${counts.accepted} accepted, ${counts.rejected} rejected, ${counts.pending} to decide.`;
  const errors = placed.filter((p) => p.severity === "error").length;
  const errorWords = errors ? ` (${errors} error${errors === 1 ? "" : "s"} to fix)` : "";
  parts.output.show(
    yaml,
    name,
    accepted > 0,
    `${accepted} commitment${accepted === 1 ? "" : "s"} in ${name}${errorWords}.`,
  );
  parts.choices.replaceChildren(choicesList(choicesOf(session)));
}

function setReview(session: Session, next: DraftReview | undefined): void {
  if (!next) return;
  session.review = next;
  for (const [key, card] of session.cards) card.setDecision(next.decisions[key] ?? "pending");
  refresh(session);
}

/** A card per draft, wired to the review. */
function showDrafts(session: Session): void {
  const current = session.review;
  if (!current) return;
  const { parts, text } = session;
  const change = (update: (review: DraftReview) => DraftReview) => () =>
    setReview(session, session.review && update(session.review));
  parts.view.show(text);
  session.cards = new Map(
    current.result.commitments.map((draft, i) => [
      draft.key,
      draftCard({
        draft: { ...draft, ...current.edits[draft.key] },
        number: i + 1,
        text,
        sectors: session.context.sectors,
        decision: current.decisions[draft.key] ?? "pending",
        choices: () => choicesOf(session),
        onEdit: (edit) => change((r) => editDraft(r, draft.key, edit))(),
        onDecide: (decision) => change((r) => decide(r, draft.key, decision))(),
        onPropose: (fields) => {
          if (!session.review) return "";
          const added = addInstitution(session.review, fields, session.taken);
          setReview(session, added.review);
          return added.id;
        },
        onFocus: () => parts.view.mark(draft.sentence),
      }),
    ]),
  );
  parts.cards.replaceChildren(...[...session.cards.values()].map((c) => c.element));
  parts.warnings.replaceChildren(...current.result.warnings.map((w) => el("li", {}, w)));
  parts.empty.hidden = current.result.commitments.length > 0;
}

function showEmpty(session: Session): void {
  const { parts } = session;
  session.review = undefined;
  session.cards = new Map();
  parts.cards.replaceChildren();
  parts.warnings.replaceChildren();
  parts.view.show("");
  parts.empty.hidden = false;
  session.root.dataset.state = "empty";
}

/** Drafts the text again (the drafter loaded first), keeping the review's decisions by sentence. */
async function redraft(session: Session): Promise<void> {
  const mine = ++session.run;
  if (!session.text.trim()) return showEmpty(session);
  session.root.dataset.state = "drafting";
  const draftText = await loadDrafter();
  if (mine !== session.run) return;
  const started = performance.now();
  const result = draftText({ text: session.text, event: session.overrides }, session.context);
  session.root.dataset.draftMs = (performance.now() - started).toFixed(0);
  session.review = startReview(result, session.review);
  session.parts.event.show(result);
  showDrafts(session);
  refresh(session);
  session.root.dataset.state = "ready";
}

/** Loads the drafter at once, saying so. */
function loadModel(session: Session): void {
  const { parts, root } = session;
  parts.model.textContent = "Loading the English model (about 3.8 MB)…";
  root.dataset.model = "loading";
  loadDrafter().then(
    () => {
      parts.model.textContent = "The drafter is ready: it runs in this page, and the text never leaves it.";
      // Since the page's navigation started: what a reader waits before the first drafts.
      root.dataset.modelMs = performance.now().toFixed(0);
      root.dataset.model = "ready";
    },
    (error) => {
      parts.model.textContent = `The drafter could not load: ${error instanceof Error ? error.message : String(error)}`;
      root.dataset.model = "failed";
    },
  );
}

function pageLayout(parts: Parts, decideEvery: (decision: "accepted" | "rejected") => void): HTMLElement {
  return el(
    "div",
    { class: "aa-draft", "data-state": "empty" },
    parts.model,
    parts.source.element,
    parts.event.element,
    el(
      "section",
      { class: "aa-draft-review", "aria-labelledby": "aa-draft-review-heading" },
      el("h2", { id: "aa-draft-review-heading" }, "3. The drafts"),
      parts.warnings,
      parts.empty,
      el(
        "div",
        { class: "aa-draft-decide-all" },
        el(
          "button",
          { type: "button", "data-testid": "draft-accept-all", onclick: () => decideEvery("accepted") },
          "Accept every draft",
        ),
        el("button", { type: "button", onclick: () => decideEvery("rejected") }, "Reject every draft"),
        parts.counts,
      ),
      el("div", { class: "aa-draft-columns" }, parts.view.element, parts.cards),
    ),
    parts.check.element,
    parts.output.element,
    parts.choices,
  );
}

/** The page: text, event, drafts, check and file, drafted against `context`. */
export function draftPage(context: DraftPageContext): HTMLElement {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The callbacks run after the session below exists.
  const parts = pageParts(
    (text) => {
      session.text = text;
      clearTimeout(timer);
      timer = setTimeout(() => redraft(session), TYPING_PAUSE_MS);
    },
    (overrides) => {
      session.overrides = overrides;
      redraft(session);
    },
  );
  const root = pageLayout(parts, (decision) =>
    setReview(session, session.review && decideAll(session.review, decision)),
  );
  const session: Session = {
    context,
    parts,
    root,
    text: "",
    overrides: {},
    cards: new Map(),
    taken: new Set(context.known.institutions ?? context.institutions.map((i) => i.id)),
    run: 0,
  };
  loadModel(session);
  return root;
}
