// The commitment_parties table as Arrow IPC (see docs/tables.md).
import { writeTable } from "../lib/loader.js";

writeTable("commitment_parties");
