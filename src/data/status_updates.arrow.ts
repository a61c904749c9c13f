// The status_updates table as Arrow IPC (see docs/tables.md).
import { writeTable } from "../lib/pipeline/data-loader.js";

writeTable("status_updates");
