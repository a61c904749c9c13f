// The sources table as Arrow IPC (see docs/tables.md).
import { writeTable } from "../lib/loader.js";

writeTable("sources");
