/**
 * A draft's parties on the /draft page: each party named with a button to
 * remove it, a box to add one chosen from the records' institutions and the
 * proposed ones (a list shared by every draft, matched by id, name or
 * acronym), and a form to propose a new institution.
 */
import type { NewInstitution } from "../../lib/drafting/draft-review.js";
import { el } from "../dom.js";
import { institutionForm } from "./institution-form.js";

/** An institution as the picker names it. */
export interface PartyChoice {
  id: string;
  name: string;
  acronym?: string;
  country?: string;
  proposed: boolean;
}

export const CHOICES_LIST_ID = "aa-draft-institutions";

/** The shared list of institutions the add boxes offer. */
export function choicesList(choices: readonly PartyChoice[]): HTMLDataListElement {
  return el(
    "datalist",
    { id: CHOICES_LIST_ID },
    choices.map((c) => el("option", { value: c.id }, partyLabel(c))),
  );
}

export function partyLabel(c: PartyChoice): string {
  const extra = [c.acronym, c.country, c.proposed ? "new" : ""].filter(Boolean).join(", ");
  return extra ? `${c.name} (${extra})` : c.name;
}

/** The choice a typed text names: an id, a name or an acronym (case aside), or undefined. */
export function choiceFor(text: string, choices: readonly PartyChoice[]): PartyChoice | undefined {
  const t = text.trim().toLowerCase();
  if (!t) return undefined;
  return (
    choices.find((c) => c.id.toLowerCase() === t) ??
    choices.find((c) => c.name.toLowerCase() === t || partyLabel(c).toLowerCase() === t) ??
    choices.find((c) => c.acronym?.toLowerCase() === t)
  );
}

export interface PartyPickerOptions {
  /** Unique among the page's pickers, for element ids. */
  idPrefix: string;
  parties: readonly string[];
  choices: () => readonly PartyChoice[];
  onChange: (parties: string[]) => void;
  /** Adds a new institution; returns its id. */
  onPropose: (fields: NewInstitution) => string;
}

export function partyPicker(options: PartyPickerOptions): HTMLElement {
  let parties = [...options.parties];
  const list = el("ul", { class: "aa-draft-parties", "aria-label": "Parties" });
  const say = el("p", { class: "aa-draft-party-note", role: "status" });
  const set = (next: string[]) => {
    parties = next;
    render();
    options.onChange(parties);
  };
  const render = () => {
    const byId = new Map(options.choices().map((c) => [c.id, c]));
    list.replaceChildren(
      ...parties.map((id) => {
        const choice = byId.get(id);
        const name = choice ? partyLabel(choice) : `${id} (not in the records)`;
        return el(
          "li",
          { "data-party": id },
          el("span", {}, name),
          el(
            "button",
            {
              type: "button",
              class: "aa-draft-remove",
              "aria-label": `Remove ${choice?.name ?? id}`,
              onclick: () => set(parties.filter((p) => p !== id)),
            },
            "×",
          ),
        );
      }),
    );
    if (parties.length === 0) list.append(el("li", { class: "aa-draft-none" }, "No party yet."));
  };
  const boxId = `${options.idPrefix}-add`;
  const box = el("input", { id: boxId, list: CHOICES_LIST_ID, autocomplete: "off", class: "aa-draft-add" });
  const add = () => {
    const choice = choiceFor(box.value, options.choices());
    if (!choice) {
      say.textContent = box.value.trim()
        ? `No institution matches “${box.value.trim()}”: pick one from the list, or propose a new one below.`
        : "";
      return;
    }
    box.value = "";
    say.textContent = `Added ${choice.name}.`;
    if (!parties.includes(choice.id)) set([...parties, choice.id]);
  };
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      add();
    }
  });
  const form = institutionForm(options.idPrefix, (fields) => {
    const id = options.onPropose(fields);
    say.textContent = `Proposed ${fields.name} as ${id}.`;
    set([...parties, id]);
  });
  render();
  return el(
    "div",
    { class: "aa-draft-party-picker" },
    list,
    el(
      "div",
      { class: "aa-draft-add-row" },
      el("label", { for: boxId }, "Add a party (id, name or acronym)"),
      box,
      el("button", { type: "button", onclick: add }, "Add"),
    ),
    say,
    form,
  );
}
