// The commitment_parties table as Arrow IPC (see docs/tables.md).
import { writeTable } from "../lib/pipeline/data-loader.js";

writeTable("commitment_parties");
