/**
 * The form to propose a new institution on the /draft page, folded under each
 * draft's parties: name, acronym, whose body it is (national with its country,
 * international, or joint with its members) and its type. The choices come
 * from the record schema, so they follow it.
 */
import type { NewInstitution } from "../../lib/drafting/draft-review.js";
import type { Scope } from "../../lib/drafting/draft-types.js";
import { ENTITY } from "../../lib/model/schema.js";
import { el } from "../dom.js";

const fields = ENTITY.institutions.fields;

function choiceSelect(id: string, values: readonly string[], selected: string): HTMLSelectElement {
  return el(
    "select",
    { id },
    values.map((v) => el("option", { value: v, selected: v === selected }, v.replaceAll("_", " "))),
  );
}

export function institutionForm(idPrefix: string, onPropose: (fields: NewInstitution) => void): HTMLElement {
  const id = (name: string) => `${idPrefix}-new-${name}`;
  const name = el("input", { id: id("name"), required: true });
  const acronym = el("input", { id: id("acronym") });
  const scope = choiceSelect(id("scope"), fields.scope?.values ?? ["national"], "national");
  const country = el("input", { id: id("country"), maxlength: 2, size: 3, placeholder: "PK" });
  const members = el("input", { id: id("members"), placeholder: "PK, AZ" });
  const type = choiceSelect(id("type"), fields.type?.values ?? ["other"], "ministry");
  const note = el("p", { role: "status", class: "aa-draft-party-note" });
  const row = (input: HTMLElement, label: string) =>
    el("div", { class: "aa-draft-field" }, el("label", { for: input.id }, label), input);
  const propose = () => {
    if (!name.value.trim()) {
      note.textContent = "Give the institution's name.";
      name.focus();
      return;
    }
    const chosen = scope.value as Scope;
    const list = members.value
      .split(/[\s,;]+/)
      .map((m) => m.trim().toUpperCase())
      .filter(Boolean);
    onPropose({
      name: name.value,
      ...(acronym.value.trim() ? { acronym: acronym.value } : {}),
      scope: chosen,
      ...(chosen === "national" && country.value.trim() ? { country: country.value.trim().toUpperCase() } : {}),
      ...(chosen === "joint" && list.length ? { members: list } : {}),
      type: type.value,
    });
    note.textContent = "";
    for (const input of [name, acronym, country, members]) input.value = "";
  };
  return el(
    "details",
    { class: "aa-draft-new-institution" },
    el("summary", {}, "Propose a new institution"),
    el(
      "div",
      { class: "aa-draft-new-grid" },
      row(name, "Name"),
      row(acronym, "Acronym"),
      row(scope, "Whose body"),
      row(country, "Country (national)"),
      row(members, "Members (joint)"),
      row(type, "Type"),
    ),
    el("button", { type: "button", onclick: propose }, "Propose and add"),
    note,
  );
}
