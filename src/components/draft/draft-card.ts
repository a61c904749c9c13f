/**
 * One draft on the /draft page: its summary, the sentence it came from marked
 * in the text, its sector, action, strength, target date and parties as
 * fields to change, why the drafter proposed it, its problems, and the buttons
 * to accept or reject it. The choices come from the record schema and the
 * records' sectors.
 */
import type { Decision, DraftEdits, NewInstitution } from "../../lib/drafting/draft-review.js";
import type { DraftCommitment, SectorKeywords } from "../../lib/drafting/draft-types.js";
import { ENTITY } from "../../lib/model/schema.js";
import { el } from "../dom.js";
import { type PartyChoice, partyPicker } from "./party-picker.js";
import { sentenceExcerpt } from "./sentence-highlight.js";

const commitmentFields = ENTITY.commitments.fields;

export interface DraftCardOptions {
  draft: DraftCommitment;
  /** 1-based, for names ("Accept draft 3"). */
  number: number;
  text: string;
  sectors: readonly SectorKeywords[];
  decision: Decision;
  choices: () => readonly PartyChoice[];
  onEdit: (change: DraftEdits) => void;
  onDecide: (decision: Decision) => void;
  onPropose: (fields: NewInstitution) => string;
  onFocus: () => void;
}

export interface DraftCard {
  element: HTMLElement;
  setDecision(decision: Decision): void;
  /** Problems by field (`sector`, `parties`…; "" for the rest). */
  problems(byField: Map<string, string[]>): void;
}

function select(id: string, values: readonly string[], selected: string, label: (v: string) => string) {
  const known = values.includes(selected) ? values : [selected, ...values];
  return el(
    "select",
    { id },
    known.map((v) => el("option", { value: v, selected: v === selected }, label(v))),
  );
}

const words = (v: string) => v.replaceAll("_", " ");

function decisionButton(decision: Decision, text: string, number: number, onclick: () => void): HTMLButtonElement {
  return el(
    "button",
    {
      type: "button",
      class: `aa-draft-${decision}`,
      "aria-pressed": "false",
      "aria-label": `${text} draft ${number}`,
      "data-decision": decision,
      onclick,
    },
    text,
  );
}

/** The sector, action, strength and target date inputs, each reporting its change. */
function fieldInputs(options: DraftCardOptions) {
  const { draft } = options;
  const sectorLabel = new Map(options.sectors.map((s) => [s.id, s.label ?? s.id]));
  const sectorIds = [
    draft.sector,
    ...draft.sector_alternatives,
    ...options.sectors.map((s) => s.id).filter((s) => s !== draft.sector && !draft.sector_alternatives.includes(s)),
  ];
  const sector = select("", sectorIds, draft.sector, (v) => sectorLabel.get(v) ?? v);
  sector.addEventListener("change", () => options.onEdit({ sector: sector.value }));
  const action = select("", commitmentFields.action?.values ?? [draft.action], draft.action, words);
  action.addEventListener("change", () => options.onEdit({ action: action.value as DraftEdits["action"] }));
  const strength = select("", commitmentFields.strength?.values ?? [draft.strength], draft.strength, words);
  strength.addEventListener("change", () => options.onEdit({ strength: strength.value as DraftEdits["strength"] }));
  const target = el("input", {
    type: "text",
    value: draft.target_date ?? "",
    placeholder: "YYYY, YYYY-MM or YYYY-MM-DD",
  });
  target.addEventListener("change", () => options.onEdit({ target_date: target.value }));
  return { sector, action, strength, target };
}

export function draftCard(options: DraftCardOptions): DraftCard {
  const { draft, number } = options;
  const id = `aa-draft-${number}`;
  const problemLists = new Map<string, HTMLElement>();
  const field = (name: string, label: string, input: HTMLElement) => {
    input.id = `${id}-${name}`;
    input.setAttribute("aria-describedby", `${id}-${name}-problems`);
    const list = el("ul", { id: `${id}-${name}-problems`, class: "aa-draft-problems" });
    problemLists.set(name, list);
    return el("div", { class: "aa-draft-field" }, el("label", { for: input.id }, label), input, list);
  };
  const inputs = fieldInputs(options);
  const parties = partyPicker({
    idPrefix: `${id}-parties`,
    parties: draft.parties,
    choices: options.choices,
    onChange: (next) => options.onEdit({ parties: next }),
    onPropose: options.onPropose,
  });
  const partiesProblems = el("ul", { id: `${id}-parties-problems`, class: "aa-draft-problems" });
  problemLists.set("parties", partiesProblems);
  const other = el("ul", { class: "aa-draft-problems" });
  problemLists.set("", other);
  const accept = decisionButton("accepted", "Accept", number, () => toggle("accepted"));
  const reject = decisionButton("rejected", "Reject", number, () => toggle("rejected"));
  const card = el(
    "article",
    { class: "aa-draft-card", "aria-labelledby": `${id}-title`, "data-key": draft.key, "data-testid": "draft-card" },
    el(
      "h3",
      { id: `${id}-title` },
      `Draft ${number} `,
      el(
        "small",
        {},
        `sentence ${draft.sentence.index}, ¶${draft.sentence.paragraph} · ${draft.confidence} confidence`,
      ),
    ),
    el("p", { class: "aa-draft-summary" }, draft.summary),
    sentenceExcerpt(options.text, draft.sentence),
    el(
      "div",
      { class: "aa-draft-fields" },
      field("sector", "Sector", inputs.sector),
      field("action", "Action", inputs.action),
      field("strength", "Strength", inputs.strength),
      field("target_date", "Target date", inputs.target),
    ),
    el("fieldset", { class: "aa-draft-party-set" }, el("legend", {}, "Parties"), parties, partiesProblems),
    el(
      "details",
      { class: "aa-draft-reasons" },
      el("summary", {}, "Why this draft"),
      el(
        "ul",
        {},
        draft.reasons.map((r) => el("li", {}, r)),
      ),
    ),
    other,
    el("div", { class: "aa-draft-decide", role: "group", "aria-label": `Decision on draft ${number}` }, accept, reject),
  );
  const toggle = (decision: Decision) => options.onDecide(card.dataset.decision === decision ? "pending" : decision);
  card.addEventListener("focusin", options.onFocus);
  card.addEventListener("mouseenter", options.onFocus);
  const setDecision = (decision: Decision) => {
    card.dataset.decision = decision;
    accept.setAttribute("aria-pressed", String(decision === "accepted"));
    reject.setAttribute("aria-pressed", String(decision === "rejected"));
  };
  setDecision(options.decision);
  return {
    element: card,
    setDecision,
    problems(byField) {
      for (const [name, list] of problemLists) {
        const items = byField.get(name) ?? [];
        list.replaceChildren(...items.map((p) => el("li", {}, p)));
      }
    },
  };
}
