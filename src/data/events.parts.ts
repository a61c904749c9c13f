// The events table as the browser loads it: gzipped Arrow IPC partitions (see src/lib/partitions.ts).
import { writeTableParts } from "../lib/loader.js";

writeTableParts("events");
