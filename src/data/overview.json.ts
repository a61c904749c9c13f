// Filter choices and the unfiltered overview, so pages draw before DuckDB starts
// (computed with the tables; see src/lib/pipeline/overview-seed.ts).
import { writeSummary } from "../lib/pipeline/data-loader.js";

writeSummary("overview.json");
