/**
 * The event's title, date, place and source URL on the /draft page. A field
 * the reader has not typed in shows what the drafter read from the text; one
 * they typed in is passed to the drafter as given. Problems of the event and
 * its source show under the field they concern.
 */
import type { DraftInput, DraftResult } from "../../lib/drafting/draft-types.js";
import { el } from "../dom.js";

export type EventOverrides = NonNullable<DraftInput["event"]>;
type FieldName = "title" | "start_date" | "place" | "source_url";

const FIELDS: { name: FieldName; label: string; type: string; hint: string }[] = [
  { name: "title", label: "Title", type: "text", hint: "Read from the headline." },
  { name: "start_date", label: "Date", type: "date", hint: "Read from the dateline (YYYY-MM-DD)." },
  { name: "place", label: "Place", type: "text", hint: "Read from the dateline." },
  { name: "source_url", label: "Source URL", type: "url", hint: "Where the text was published: its web address." },
];

export interface EventFields {
  element: HTMLElement;
  /** Shows the drafted event in the fields the reader has not typed in. */
  show(result: DraftResult): void;
  /** Problems per field (`title`, `start_date`, `place`, `source_url`); others under the heading. */
  problems(byField: Map<string, string[]>): void;
}

export function eventFields(onChange: (overrides: EventOverrides) => void): EventFields {
  const typed = new Set<FieldName>();
  const inputs = new Map<FieldName, HTMLInputElement>();
  const notes = new Map<string, HTMLElement>();
  const overrides = () =>
    Object.fromEntries(
      [...typed].map((name) => [name, inputs.get(name)?.value.trim() ?? ""]).filter(([, v]) => v !== ""),
    ) as EventOverrides;
  const rows = FIELDS.map(({ name, label, type, hint }) => {
    const id = `aa-draft-event-${name}`;
    const input = el("input", {
      id,
      type,
      name,
      "aria-describedby": `${id}-hint ${id}-problems`,
      "data-testid": `draft-event-${name}`,
    });
    input.addEventListener("change", () => {
      if (input.value.trim()) typed.add(name);
      else typed.delete(name);
      onChange(overrides());
    });
    inputs.set(name, input);
    const problems = el("ul", { id: `${id}-problems`, class: "aa-draft-problems" });
    notes.set(name, problems);
    return el(
      "div",
      { class: "aa-draft-field" },
      el("label", { for: id }, label),
      input,
      el("small", { id: `${id}-hint` }, hint),
      problems,
    );
  });
  const other = el("ul", { class: "aa-draft-problems", "data-testid": "draft-event-problems" });
  notes.set("", other);
  const element = el(
    "section",
    { class: "aa-draft-event", "aria-labelledby": "aa-draft-event-heading" },
    el("h2", { id: "aa-draft-event-heading" }, "2. The event"),
    el("div", { class: "aa-draft-event-grid" }, rows),
    other,
  );
  return {
    element,
    show(result) {
      for (const { name } of FIELDS) {
        const input = inputs.get(name);
        if (input && !typed.has(name)) input.value = result.event[name] ?? "";
      }
    },
    problems(byField) {
      for (const [name, list] of notes) {
        list.replaceChildren(...(byField.get(name) ?? []).map((p) => el("li", {}, p)));
        inputs.get(name as FieldName)?.setAttribute("aria-invalid", String((byField.get(name) ?? []).length > 0));
      }
    },
  };
}
