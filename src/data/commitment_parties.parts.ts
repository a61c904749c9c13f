// The commitment_parties table as the browser loads it: gzipped Arrow IPC partitions (see src/lib/model/partitions.ts).
import { writeTableParts } from "../lib/pipeline/data-loader.js";

writeTableParts("commitment_parties");
