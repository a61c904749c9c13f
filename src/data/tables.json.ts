// Where each partition of each table lies in its .parts file, with its rows and dates
// (written with the tables; see src/lib/model/partitions.ts).
import { writeSummary } from "../lib/pipeline/data-loader.js";

writeSummary("tables.json");
