// Observable Framework configuration. Everything the pages need is bundled from
// node_modules: no CDN, no font service, no DuckDB extension download.

// Under `npm start` (scripts/dev.ts sets it) every page also watches the records'
// validation report (src/components/records-report.ts); the build never has it.
const reportUrl = process.env.ACCORD_RECORDS_REPORT_URL;
const devHead = reportUrl
  ? `<script type="module">import {watchRecordsReport} from "/_import/components/records-report.js"; watchRecordsReport(${JSON.stringify(reportUrl)});</script>`
  : "";

export default {
  title: "Accord Atlas",
  root: "src",
  output: "dist",
  theme: ["air", "near-midnight"],
  globalStylesheets: [],
  style: "style.css",
  pages: [
    { name: "Overview", path: "/" },
    { name: "Network", path: "/network" },
    { name: "Sector timelines", path: "/timeline" },
    { name: "SQL notebook", path: "/sql" },
    { name: "Data", path: "/data" },
    { name: "Draft records", path: "/draft" },
    // Full-screen slides: no pager to or from it.
    { name: "Presentations", path: "/present", pager: null },
  ],
  // An empty icon: browsers otherwise ask every host for /favicon.ico.
  head: `<meta name="color-scheme" content="light dark"><link rel="icon" href="data:,">${devHead}`,
  footer: "Accord Atlas · every figure links to its sources.",
  search: false,
  duckdb: { extensions: { json: null, parquet: null } },
  toc: false,
  // JavaScript modules other sites import (docs/embedding.md); the embed pages
  // (src/embed/*.md) are built too but stay out of the navigation above.
  dynamicPaths: ["/embed/network.js", "/embed/timeline.js"],
};
