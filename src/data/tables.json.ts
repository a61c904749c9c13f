// Where each partition of each table lies in its .parts file, with its rows and dates
// (written with the tables; see src/lib/partitions.ts).
import { writeSummary } from "../lib/loader.js";

writeSummary("tables.json");
