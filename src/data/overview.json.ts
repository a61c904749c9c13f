// Filter choices and the unfiltered overview, so pages draw before DuckDB starts
// (computed with the tables; see src/lib/overview.ts).
import { writeSummary } from "../lib/loader.js";

writeSummary("overview.json");
