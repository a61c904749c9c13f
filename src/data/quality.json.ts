// Data-quality facts from validation, for the Data page: records read and rows
// written per table (they must match), files read, and every warning.
import { writeSummary } from "../lib/pipeline/data-loader.js";

writeSummary("quality.json");
