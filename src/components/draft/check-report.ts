/**
 * The live check of the reviewed event file on the /draft page: every problem
 * `npm run validate` would report for it in the data folder, worded as it
 * prints them, or the word that there is none. Announced politely when the
 * count changes.
 */
import type { PlacedProblem } from "../../lib/drafting/review-problems.js";
import { el } from "../dom.js";

export interface CheckReport {
  element: HTMLElement;
  show(problems: readonly PlacedProblem[], accepted: number): void;
}

export function checkReport(): CheckReport {
  const summary = el("p", { class: "aa-draft-check-summary", role: "status", "data-testid": "draft-check" });
  const list = el("ul", { class: "aa-draft-check-list", "data-testid": "draft-problems" });
  const element = el(
    "section",
    { class: "aa-draft-check", "aria-labelledby": "aa-draft-check-heading" },
    el("h2", { id: "aa-draft-check-heading" }, "Checked as npm run validate checks it"),
    summary,
    list,
  );
  return {
    element,
    show(problems, accepted) {
      const errors = problems.filter((p) => p.severity === "error").length;
      const warnings = problems.length - errors;
      element.dataset.errors = String(errors);
      element.dataset.warnings = String(warnings);
      summary.textContent =
        accepted === 0
          ? "Accept at least one draft to make the event file."
          : errors === 0
            ? `Valid: no error${warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : " and no warning"} beside the data folder's records.`
            : `${errors} error${errors === 1 ? "" : "s"}${warnings ? ` and ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}: fix them in the fields marked below, or reject the draft.`;
      list.replaceChildren(
        ...problems.map((p) => el("li", { class: `aa-draft-problem-${p.severity}` }, el("code", {}, p.text))),
      );
    },
  };
}
