/**
 * Under `npm start` only: shows the records' validation report in place of the
 * page's content while the records have errors, and reloads the page when they
 * are fixed. scripts/dev.ts writes the report (src/lib/model/records-report.ts)
 * to a file the dev server serves and adds this module to every page's head
 * (observablehq.config.ts), so the overview, network, timeline, SQL, data,
 * present and embed pages all get it; `npm run build` never includes it.
 *
 * The page asks for the report once a second (a small file on loopback): a poll
 * needs nothing from the dev server's own reload channel, and it sees a report
 * that changed while a page was loading. See docs/architecture.md, "The edit loop".
 */
import { parseRecordsReport, type RecordsReport, reportErrors, reportLines } from "../lib/model/records-report.js";
import { el } from "./dom.js";

const POLL_MS = 1000;
const INVALID = "recordsInvalid";

/** Every other child of the page's main element is hidden while the report shows. */
const STYLE = `html[data-records-invalid] #observablehq-main > :not(.aa-records-report) { display: none !important; }
.aa-records-report { border: 2px solid var(--aa-status-dropped, #d63a2f); border-radius: 8px; padding: 0.5rem 1rem; margin: 1rem 0; }
.aa-records-report ul { list-style: none; padding: 0; }
.aa-records-report li { font-family: var(--monospace, monospace); white-space: pre-wrap; margin: 0.25rem 0; }`;

/** The report as a section: heading, where the records are, one item a line of `npm run validate`. */
export function recordsReportView(report: RecordsReport): HTMLElement {
  const errors = reportErrors(report);
  const lines = reportLines(report);
  return el(
    "section",
    { class: "aa-records-report", role: "alert", "aria-labelledby": "aa-records-report-title" },
    el(
      "h2",
      { id: "aa-records-report-title" },
      `The records in ${report.dataDir} have ${errors} error${errors === 1 ? "" : "s"}`,
    ),
    el(
      "p",
      {},
      "The page shows its charts again when the records are valid. What ",
      el("code", {}, "npm run validate"),
      " prints:",
    ),
    el(
      "ul",
      {},
      lines.slice(0, -1).map((line) => el("li", {}, line)),
    ),
    el("p", {}, lines[lines.length - 1]),
  );
}

/** Shows the report in place of the page's content, or takes it away; true when it shows. */
function showReport(report: RecordsReport): boolean {
  const invalid = reportErrors(report) > 0;
  const host = document.getElementById("observablehq-main") ?? document.body;
  host.querySelector(":scope > .aa-records-report")?.remove();
  if (invalid) host.prepend(recordsReportView(report));
  if (invalid) document.documentElement.dataset[INVALID] = "";
  else delete document.documentElement.dataset[INVALID];
  return invalid;
}

async function fetchReport(url: string): Promise<RecordsReport | undefined> {
  try {
    const response = await fetch(url, { cache: "no-store" });
    return response.ok ? parseRecordsReport(await response.json()) : undefined;
  } catch {
    return undefined; // the server restarting, or the file being rewritten: ask again
  }
}

/**
 * Watches the report at `url` for as long as the page is open: shows it while
 * the records have errors, reloads the page when they no longer have any.
 */
export function watchRecordsReport(url: string): void {
  document.head.append(el("style", {}, STYLE));
  let shown = "";
  let invalid = false;
  const poll = async () => {
    const report = await fetchReport(url);
    if (report) {
      const text = JSON.stringify(report);
      if (text !== shown) {
        shown = text;
        const nowInvalid = showReport(report);
        if (invalid && !nowInvalid) return void location.reload();
        invalid = nowInvalid;
      }
    }
    setTimeout(poll, POLL_MS);
  };
  void poll();
}
