/**
 * axe-core (from node_modules) run in a page of the built site, as an
 * accessibility checker would: every rule axe runs by default (WCAG 2.0,
 * 2.1 A and AA, and its best practices), on the page as it stands. The script
 * is served from the page's own origin by a route, so the page's
 * Content-Security-Policy stays in force while axe runs.
 *
 * @example
 * const found = await auditPage(handle.page);
 * expect(found.filter(isSerious)).toEqual([]);
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/** One rule axe found broken, with where (CSS selectors of up to five of its nodes) and why. */
export interface AuditFinding {
  rule: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  nodes: number;
  targets: string[];
  /** The distinct reasons axe gave (up to eight), e.g. the colours and ratio of a contrast failure. */
  reasons: string[];
}

const AXE_URL_PATH = "/__accessibility-audit/axe.min.js";
let axeSource: string | undefined;

function axeScript(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  return axeSource;
}

/** True for the findings the tests refuse: serious and critical. */
export function isSerious(finding: AuditFinding): boolean {
  return finding.impact === "serious" || finding.impact === "critical";
}

/** One line a finding, for a test's failure message. */
export function describeFindings(findings: readonly AuditFinding[]): string {
  return findings
    .map((f) => [`${f.impact ?? "?"} ${f.rule} (${f.nodes}): ${f.help}`, ...f.targets, ...f.reasons].join("\n    "))
    .join("\n");
}

/**
 * Runs axe-core on the page (within `context`, a CSS selector, or the whole
 * document) and returns its violations, sorted by rule.
 */
export async function auditPage(page: Page, context = "document"): Promise<AuditFinding[]> {
  const loaded = await page.evaluate("typeof window.axe === 'object'");
  if (!loaded) {
    await page.route(`**${AXE_URL_PATH}`, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: axeScript() }),
    );
    await page.addScriptTag({ url: AXE_URL_PATH });
  }
  const scope = context === "document" ? "document" : JSON.stringify(context);
  const findings = (await page.evaluate(`axe.run(${scope}, { resultTypes: ["violations"] }).then((result) =>
    result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      reasons: [...new Set(v.nodes.map((n) => (n.failureSummary || "").split("\\n").slice(1, 3).join(" ").trim()))].slice(0, 8),
    })))`)) as AuditFinding[];
  return findings.sort((a, b) => a.rule.localeCompare(b.rule));
}
