// The events table as Arrow IPC (see docs/tables.md).
import { writeTable } from "../lib/pipeline/data-loader.js";

writeTable("events");
