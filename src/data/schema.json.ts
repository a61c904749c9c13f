// The tables' columns, generated from the record schema (src/lib/model/schema.ts),
// for the Data page. Nothing here is written twice.
import { schemaDescription } from "../lib/model/schema-doc.js";

process.stdout.write(`${JSON.stringify(schemaDescription(), null, 1)}\n`);
