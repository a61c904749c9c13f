/**
 * The commitment panel: opens beside the page when a mark, a table row or a
 * follow-up entry is chosen, and shows the commitment, its status updates as
 * a track, and every source with its link. Escape or the close button closes
 * it and gives focus back to what opened it.
 *
 * `commitmentPanel({load, related})` → element with `open(id, trigger)` and `close()`.
 */
import { formatPartialDate } from "../../lib/model/dates.js";
import type { Status } from "../../lib/model/schema.js";
import { humanize, STATUS_META } from "../../lib/model/value-labels.js";
import { el, errorState, link } from "../dom.js";

export interface PanelDetail {
  id: string;
  summary: string;
  date: string | null;
  event: string;
  event_date: string | null;
  event_place: string | null;
  sector_label: string;
  sector_color: string;
  action: string;
  strength: string;
  status: string;
  status_date: string | null;
  target_date: string | null;
  target_event: string | null;
  target_event_date: string | null;
  target_note: string | null;
  deadline: string | null;
  overdue: boolean;
  parties: string | null;
  confidence: string;
  note: string | null;
  locator: string | null;
  source_title: string;
  source_publisher: string;
  source_url: string;
  source_published: string | null;
}
export interface PanelUpdate {
  id: string;
  date: string | null;
  status: string;
  summary: string;
  locator: string | null;
  confidence: string;
  note: string | null;
  event: string | null;
  source_title: string;
  source_publisher: string;
  source_url: string;
}

export type CommitmentPanel = HTMLElement & {
  open(id: string, trigger?: Element | null): Promise<void>;
  close(): void;
};

export interface PanelOptions {
  load: (id: string) => Promise<{ detail: PanelDetail | undefined; updates: PanelUpdate[] }>;
  /** Other commitments to jump to (follow-up partners), shown as buttons. */
  related?: (id: string) => { label: string; id: string }[];
  /** Told the open commitment's id, or null when the panel closes (the page keeps it in the link). */
  onChange?: (id: string | null) => void;
}

const statusBadge = (status: string) =>
  el(
    "span",
    { class: "aa-badge", style: `color:${STATUS_META[status as Status]?.color ?? "inherit"}` },
    STATUS_META[status as Status]?.label ?? status,
  );

export function commitmentPanel({ load, related, onChange }: PanelOptions): CommitmentPanel {
  const heading = el("h2", { id: "aa-panel-title", tabindex: -1 }, "Commitment");
  const body = el("div", { class: "aa-panel-body" });
  const closeButton = el("button", { type: "button", class: "aa-panel-close", "aria-label": "Close the panel" }, "×");
  const panel = el(
    "aside",
    {
      class: "aa-panel",
      role: "dialog",
      "aria-modal": "false",
      "aria-labelledby": "aa-panel-title",
      "data-testid": "commitment-panel",
      hidden: true,
    },
    el("div", { class: "aa-panel-head" }, heading, closeButton),
    body,
  ) as CommitmentPanel;
  let trigger: Element | null = null;
  let current = "";

  panel.close = () => {
    if (panel.hidden) return;
    panel.hidden = true;
    current = "";
    onChange?.(null);
    if (trigger instanceof HTMLElement || trigger instanceof SVGElement) trigger.focus();
  };
  closeButton.addEventListener("click", () => panel.close());
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) {
      event.preventDefault();
      panel.close();
    }
  });

  panel.open = async (id, from) => {
    if (from) trigger = from;
    current = id;
    onChange?.(id);
    panel.hidden = false;
    panel.dataset.id = id;
    heading.textContent = "Loading…";
    body.replaceChildren();
    heading.focus();
    let result: Awaited<ReturnType<PanelOptions["load"]>>;
    try {
      result = await load(id);
    } catch (error) {
      if (current !== id) return;
      heading.textContent = "Could not load the commitment";
      body.replaceChildren(errorState("The query failed.", error));
      return;
    }
    if (current !== id) return;
    const { detail: d, updates } = result;
    if (!d) {
      heading.textContent = "Commitment not found";
      return;
    }
    heading.textContent = d.summary;
    const facts: [string, Node | string][] = [
      [
        "Status",
        el(
          "span",
          {},
          statusBadge(d.status),
          d.status_date ? ` since ${formatPartialDate(d.status_date)}` : " (no later evidence)",
        ),
      ],
      [
        "Sector",
        el(
          "span",
          {},
          el("span", { class: "aa-swatch-inline", style: `background:${d.sector_color}` }),
          d.sector_label,
        ),
      ],
      ["Agreed", `${formatPartialDate(d.date)} · ${d.event}${d.event_place ? ` (${d.event_place})` : ""}`],
      ["Wording", `${humanize(d.action)} · ${humanize(d.strength)}`],
    ];
    const due = [
      d.target_date ? formatPartialDate(d.target_date) : null,
      d.target_event
        ? `${d.target_event}${d.target_event_date ? ` (${formatPartialDate(d.target_event_date)})` : ""}`
        : null,
      d.target_note,
    ].filter(Boolean);
    if (due.length) {
      facts.push([
        "Due",
        el(
          "span",
          {},
          due.join(" · "),
          d.deadline ? ` — deadline ${formatPartialDate(d.deadline)}` : "",
          d.overdue ? [" ", el("span", { class: "aa-badge aa-overdue", "data-overdue": "true" }, "Overdue")] : null,
        ),
      ]);
    }
    if (d.parties) facts.push(["Binds", d.parties]);
    facts.push(["Confidence", humanize(d.confidence)]);
    if (d.note) facts.push(["Note", d.note]);
    const links = related?.(id) ?? [];
    const track = updates.length
      ? el(
          "ol",
          { class: "aa-track", "data-testid": "panel-updates" },
          el("li", {}, el("span", { class: "date" }, formatPartialDate(d.date)), statusBadge("announced"), " Agreed"),
          updates.map((u) =>
            el(
              "li",
              { "data-update": u.id },
              el("span", { class: "date" }, formatPartialDate(u.date)),
              statusBadge(u.status),
              ` ${u.summary}`,
              u.event ? el("span", { class: "meta" }, ` · at ${u.event}`) : null,
              u.note ? el("span", { class: "meta" }, ` · ${u.note}`) : null,
              el(
                "div",
                { class: "meta" },
                "Source: ",
                link(u.source_url, `${u.source_publisher}${u.locator ? ` ${u.locator}` : ""}`),
                u.confidence !== "high" ? ` (${u.confidence} confidence)` : "",
              ),
            ),
          ),
        )
      : el("p", { class: "meta" }, "No status update yet: nothing reported since it was agreed.");
    // Every source the panel cites, once.
    const sources = new Map<string, { title: string; publisher: string; url: string; what: string[] }>();
    const cite = (url: string, title: string, publisher: string, what: string) => {
      const s = sources.get(url) ?? { title, publisher, url, what: [] };
      s.what.push(what);
      sources.set(url, s);
    };
    cite(d.source_url, d.source_title, d.source_publisher, `the commitment${d.locator ? ` (${d.locator})` : ""}`);
    for (const u of updates)
      cite(
        u.source_url,
        u.source_title,
        u.source_publisher,
        `${STATUS_META[u.status as Status]?.label ?? u.status} update${u.locator ? ` (${u.locator})` : ""}`,
      );
    body.replaceChildren(
      ...[
        el(
          "dl",
          { class: "aa-facts" },
          facts.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]),
        ),
        links.length
          ? el(
              "div",
              { class: "aa-related" },
              el("h3", {}, "Follow-up"),
              links.map((r) => {
                const b = el("button", { type: "button", class: "aa-linklike", "data-open": r.id }, r.label);
                b.addEventListener("click", () => panel.open(r.id));
                return el("div", {}, b);
              }),
            )
          : null,
        el("h3", {}, `Status updates (${updates.length})`),
        track,
        el("h3", {}, "Sources"),
        el(
          "ul",
          { class: "aa-sources", "data-testid": "panel-sources" },
          [...sources.values()].map((s) =>
            el(
              "li",
              {},
              link(s.url, s.title),
              el("span", { class: "meta" }, ` · ${s.publisher} · for ${s.what.join(", ")}`),
            ),
          ),
        ),
      ].filter((n) => n !== null),
    );
  };
  return panel;
}
