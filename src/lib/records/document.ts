/**
 * YAML and JSON record documents. A document is a mapping whose keys are table
 * names holding lists of records:
 *
 *     institutions:
 *       - id: pk-navttc
 *         ...
 *
 * An event document has an `event` mapping as well; its `commitments` and
 * `status_updates` take their `event_id` from it, and commitments may list the
 * institutions they bind under `parties`.
 */
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
  type YAMLMap,
} from "yaml";
import type { Location, Problem } from "../model/problems.js";
import { showValue } from "../model/problems.js";
import { isTableName } from "../model/schema.js";
import type { TableName } from "../model/tables.js";
import { TABLE_NAMES } from "../model/tables.js";
import type { RawRecord, ReadResult } from "./record.js";

const DOCUMENT_KEYS = ["event", ...TABLE_NAMES];

export function readYaml(text: string, file: string): ReadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const problems: Problem[] = [];
  const locate = (offset: number): Location => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  // The parser often reports one mistake several times on its line: the first is the cause, the rest are counted.
  let previous: Problem | undefined;
  let more = 0;
  const flush = () => {
    if (previous && more)
      previous.message += ` (and ${more} more YAML error${more === 1 ? "" : "s"} on this line that follow${more === 1 ? "s" : ""} from it)`;
    more = 0;
  };
  for (const error of doc.errors) {
    const at = locate(error.pos[0]);
    if (previous && previous.line === at.line) {
      more++;
      continue;
    }
    flush();
    previous = {
      severity: "error",
      ...at,
      message: `is not valid YAML: ${firstLine(error.message)}`,
      expected: "well-formed YAML (check indentation, quotes and colons)",
    };
    problems.push(previous);
  }
  flush();
  if (problems.length) return { records: [], problems };
  return withinAliasLimit(doc, file, locate);
}

/** Aliases a document may expand in all; more is refused ("billion laughs"). */
const MAX_ALIASES = 100;

/** The document's records, or one problem in words when its aliases expand past the limit. */
function withinAliasLimit(doc: Document, file: string, locate: (offset: number) => Location): ReadResult {
  try {
    return documentRecords(doc, file, locate);
  } catch (error) {
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
    let first: Location = { file, line: 1 };
    visit(doc, {
      Alias(_, node) {
        if (node.range) first = locate(node.range[0]);
        return visit.BREAK;
      },
    });
    return {
      records: [],
      problems: [
        {
          severity: "error",
          ...first,
          message: `uses too many YAML aliases (over ${MAX_ALIASES} expanded); write the values out or remove the anchors (&name) and aliases (*name)`,
          expected: "values written out, or a few aliases that each expand once",
        },
      ],
    };
  }
}

/** Reads JSON strictly (JSON.parse decides what is valid) and locates records through the YAML parser. */
export function readJson(text: string, file: string): ReadResult {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = jsonErrorOffset(text, message);
    const { line, col } = offset === undefined ? { line: undefined, col: undefined } : positionOf(text, offset);
    return {
      records: [],
      problems: [
        {
          severity: "error",
          file,
          line,
          column: col,
          message: `is not valid JSON: ${message
            .replace(/ in JSON at position \d+.*$/s, "")
            .replace(/\s*\(line \d+ column \d+\)$/, "")
            .replace(/, (?:\.\.\.)?"[\s\S]*" is not valid JSON$/, "")}`,
          expected: "well-formed JSON (check commas, brackets and quotes)",
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const locate = (offset: number): Location => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (doc.errors.length) {
    // Duplicate keys: valid for JSON.parse, refused here because the later value would silently win.
    return {
      records: [],
      problems: doc.errors.map((e) => ({
        severity: "error" as const,
        ...locate(e.pos[0]),
        message: firstLine(e.message),
        expected: "each key once per object",
      })),
    };
  }
  return documentRecords(doc, file, locate);
}

/**
 * Where JSON.parse failed: the position it gives, or for a message that
 * quotes the text instead ("Unexpected token ']', ..."), the first closing
 * bracket after a comma when that is the token (a trailing comma).
 */
function jsonErrorOffset(text: string, message: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const token = /^Unexpected token '([\]}])'/.exec(message);
  if (!token) return undefined;
  const comma = new RegExp(`,\\s*\\${token[1]}`).exec(text);
  return comma ? comma.index + comma[0].length - 1 : undefined;
}

function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, col: offset - last };
}

/** A mapping key as written: its value, `*name` for an alias, YAML text for a list or mapping used as a key. */
function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  if (isAlias(key)) return `*${key.source}`;
  return key === null || key === undefined ? "" : String(key);
}

function firstLine(message: string): string {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}

function documentRecords(doc: Document, file: string, locate: (offset: number) => Location): ReadResult {
  const records: RawRecord[] = [];
  const problems: Problem[] = [];
  const at = (node: Node | null | undefined): Location => (node?.range ? locate(node.range[0]) : { file, line: 1 });
  // Values as plain data, with YAML aliases (*anchor) resolved; a bounded alias
  // count refuses "billion laughs" expansion.
  const toValue = (node: Node): unknown => node.toJS(doc, { maxAliasCount: MAX_ALIASES });
  const root = doc.contents;
  if (!isMap(root)) {
    problems.push({
      severity: "error",
      ...at(root as Node),
      message: "the file does not hold a mapping of tables",
      expected: `a mapping with keys among: ${DOCUMENT_KEYS.join(", ")}`,
    });
    return { records, problems };
  }

  // The event of an event document, for inheritance.
  let eventId: unknown;
  let eventLoc: Location | undefined;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (key !== "event") continue;
    eventLoc = at(pair.key as Node);
    if (!isMap(pair.value)) {
      problems.push({
        severity: "error",
        ...at((pair.value ?? pair.key) as Node),
        field: "event",
        message: "is not a mapping",
        expected: "the event's fields (id, title, kind, start_date, ...)",
      });
      continue;
    }
    const record = mapRecord(pair.value, "events", "event", at, toValue);
    eventId = record.values.id;
    records.push(record);
  }

  for (const pair of root.items) {
    const keyNode = pair.key as Node;
    const key = keyText(pair.key);
    if (key === "event") continue;
    if (!isTableName(key)) {
      problems.push({
        severity: "error",
        ...at(keyNode),
        field: key,
        message: "is not a table this file can hold",
        expected: `one of: ${DOCUMENT_KEYS.join(", ")}`,
      });
      continue;
    }
    if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) continue; // an empty list
    if (!isSeq(pair.value)) {
      problems.push({
        severity: "error",
        ...at((pair.value ?? keyNode) as Node),
        field: key,
        message: "is not a list",
        expected: `a list of ${key} records, each starting with '- '`,
      });
      continue;
    }
    pair.value.items.forEach((item, index) => {
      const path = `${key}[${index}]`;
      if (!isMap(item)) {
        problems.push({
          severity: "error",
          ...at(item as Node),
          field: path,
          value: showValue(isScalar(item) ? item.value : item),
          message: "is not a record",
          expected: "a mapping of field names to values",
        });
        return;
      }
      const record = mapRecord(item, key, path, at, toValue);
      if ((key === "commitments" || key === "status_updates") && eventLoc) {
        inheritEvent(record, eventId, eventLoc, problems);
      }
      if (key === "commitments" && "parties" in record.values) {
        const partiesNode = item.get("parties", true) as Node | undefined;
        records.push(...partyRecords(record, partiesNode, at, toValue, problems));
        delete record.values.parties;
      }
      records.push(record);
    });
  }
  return { records, problems };
}

function mapRecord(
  map: YAMLMap,
  table: TableName,
  path: string,
  at: (node: Node | null | undefined) => Location,
  toValue: (node: Node) => unknown,
): RawRecord {
  const values: Record<string, unknown> = {};
  const fieldLocs: Record<string, Location> = {};
  for (const pair of map.items) {
    const name = keyText(pair.key);
    const valueNode = pair.value as Node | null;
    const value = valueNode ? toValue(valueNode) : null;
    setOwn(values, name, value);
    setOwn(fieldLocs, name, at(valueNode?.range ? valueNode : (pair.key as Node)));
  }
  return { table, values, loc: at(map), fieldLocs, path };
}

/** Defines a field: plain assignment of a key `__proto__` would set the prototype, and the field would go unreported. */
function setOwn<T>(object: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function inheritEvent(record: RawRecord, eventId: unknown, eventLoc: Location, problems: Problem[]): void {
  const own = record.values.event_id;
  if (own === undefined || own === null) {
    record.values.event_id = eventId;
    record.fieldLocs.event_id = eventLoc;
  } else if (typeof eventId === "string" && own !== eventId) {
    problems.push({
      severity: "error",
      ...(record.fieldLocs.event_id ?? record.loc),
      field: `${record.path}.event_id`,
      value: showValue(own),
      message: `differs from the file's event (${eventId})`,
      expected: `${eventId}, or leave event_id out in an event file`,
    });
  }
}

function partyRecords(
  commitment: RawRecord,
  node: Node | undefined,
  at: (node: Node | null | undefined) => Location,
  toValue: (node: Node) => unknown,
  problems: Problem[],
): RawRecord[] {
  const path = `${commitment.path}.parties`;
  if (!node || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) {
    problems.push({
      severity: "error",
      ...at(node),
      field: path,
      message: "is not a list",
      expected: "a list of institution ids, or of {institution, role, note}",
    });
    return [];
  }
  const out: RawRecord[] = [];
  node.items.forEach((item, index) => {
    const itemPath = `${path}[${index}]`;
    const base = { commitment_id: commitment.values.id };
    const baseLocs = { commitment_id: commitment.fieldLocs.id ?? commitment.loc };
    if (isScalar(item)) {
      const loc = at(item);
      out.push({
        table: "commitment_parties",
        values: { ...base, institution_id: item.value },
        loc,
        fieldLocs: { ...baseLocs, institution_id: loc },
        path: itemPath,
      });
    } else if (isMap(item)) {
      const record = mapRecord(item, "commitment_parties", itemPath, at, toValue);
      // In an event file a party names its institution as `institution`.
      if ("institution" in record.values) {
        record.values.institution_id = record.values.institution;
        record.fieldLocs.institution_id = record.fieldLocs.institution;
        delete record.values.institution;
      }
      if ("commitment_id" in record.values) {
        problems.push({
          severity: "error",
          ...(record.fieldLocs.commitment_id ?? record.loc),
          field: `${itemPath}.commitment_id`,
          message: "is implied by the enclosing commitment",
          expected: "no commitment_id inside a commitment's parties",
        });
      }
      record.values = { ...base, ...record.values, commitment_id: base.commitment_id };
      record.fieldLocs = { ...baseLocs, ...record.fieldLocs, commitment_id: baseLocs.commitment_id };
      out.push(record);
    } else {
      problems.push({
        severity: "error",
        ...at(item as Node),
        field: itemPath,
        message: "is not a party",
        expected: "an institution id, or {institution, role, note}",
      });
    }
  });
  return out;
}
