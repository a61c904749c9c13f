/**
 * The stories of a data folder (Node only): every `stories/<id>.yaml` read
 * and checked (src/lib/model/stories.ts) against the values the records hold,
 * each slide's figures filled in from the records (src/lib/model/story-figures.ts).
 * Used by `npm run validate`, `npm run build`, `npm start` and the loader
 * src/data/stories.json.ts, so each reports the same problems.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import type { FigureRecords } from "../model/figure-records.js";
import { STORY_ID } from "../model/present.js";
import type { Problem } from "../model/problems.js";
import { STATUSES } from "../model/schema.js";
import { readStory, type Story, type StoryKnown } from "../model/stories.js";
import type { Tables } from "../records/record-types.js";
import type { TableStore } from "../records/store.js";
import { decodeRecordFile } from "../records/text.js";
import { figureRecordsFromCache, figureRecordsFromStores } from "./figure-tables.js";
import { displayPath } from "./files.js";

export const STORIES_FOLDER = "stories";
const STORY_EXTENSIONS = [".yaml", ".yml"];

export interface StoriesResult {
  /** Valid stories, by id. */
  stories: Story[];
  /** Story files read. */
  files: string[];
  problems: Problem[];
  errors: number;
}

/**
 * Reads `<dir>/stories/`. A folder without stories has none, and no problem.
 * Without `known` (the records have errors) links are checked for their form
 * only.
 */
export function loadStories(dir: string, known?: StoryKnown): StoriesResult {
  const folder = join(dir, STORIES_FOLDER);
  const problems: Problem[] = [];
  const stories: Story[] = [];
  const files: string[] = [];
  if (!existsSync(folder)) return { stories, files, problems, errors: 0 };
  if (!statSync(folder).isDirectory()) {
    problems.push({
      severity: "error",
      file: displayPath(folder),
      message: "is not a folder",
      expected: "a folder of story files (stories/<id>.yaml)",
    });
    return { stories, files, problems, errors: 1 };
  }
  const byId = new Map<string, string>();
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith(".")) continue;
    const path = join(folder, entry.name);
    const display = displayPath(path);
    const ext = extname(entry.name).toLowerCase();
    if (entry.isDirectory() || !STORY_EXTENSIONS.includes(ext)) {
      if (!entry.isDirectory() && /\.(md|txt)$/i.test(entry.name)) continue;
      problems.push({
        severity: "warning",
        file: display,
        message: "is not read: not a story file",
        expected: `story files directly in ${STORIES_FOLDER}/, ending in ${STORY_EXTENSIONS.join(" or ")}`,
      });
      continue;
    }
    files.push(display);
    const id = basename(entry.name, extname(entry.name));
    if (!STORY_ID.test(id)) {
      problems.push({
        severity: "error",
        file: display,
        value: JSON.stringify(id),
        message: "is not a story id (the file name is the story's id, used in /present?story=…)",
        expected: "lower-case letters, digits and hyphens, as pakistan-belarus.yaml",
      });
    }
    const earlier = byId.get(id);
    if (earlier) {
      problems.push({
        severity: "error",
        file: display,
        value: JSON.stringify(id),
        message: `is a duplicate story id: already used by ${earlier}`,
        expected: "one file per story id",
      });
    }
    byId.set(id, display);
    const decoded = decodeRecordFile(readFileSync(path), display);
    if (decoded.problem || decoded.text === undefined) {
      if (decoded.problem) problems.push({ ...decoded.problem, expected: "a story: title and slides" });
      continue;
    }
    const result = readStory(decoded.text, display, id, known);
    problems.push(...result.problems);
    if (result.story && STORY_ID.test(id) && !earlier) stories.push(result.story);
  }
  stories.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { stories, files, problems, errors: problems.filter((p) => p.severity === "error").length };
}

/** What links may name, from the validated tables in memory (countries: any an institution belongs to, joint bodies' members too). */
export function knownFromStores(stores: Tables<TableStore>): StoryKnown {
  const strings = (store: TableStore, column: string) =>
    new Set((store.columns[column] as unknown[]).filter((v): v is string => typeof v === "string"));
  const institutions = strings(stores.institutions, "id");
  let records: FigureRecords | undefined;
  return {
    values: {
      sector: strings(stores.sectors, "id"),
      country: new Set((stores.institutions.columns.countries as (readonly string[] | null)[]).flatMap((c) => c ?? [])),
      institution: institutions,
      series: strings(stores.events, "series"),
      status: new Set(STATUSES),
    },
    institutions,
    commitments: strings(stores.commitments, "id"),
    // Read only when a story is there to count figures for (a big folder without stories pays nothing).
    get records() {
      records ??= figureRecordsFromStores(stores);
      return records;
    },
  };
}

/** The same from the table cache's Arrow files (see table-cache.ts), without reading the records again. */
export function knownFromCache(folder: string): StoryKnown {
  const strings = (table: string, column: string) => {
    const vector = tableFromIPC(readFileSync(join(folder, `${table}.arrow`))).getChild(column);
    const out = new Set<string>();
    if (vector) for (const value of vector) if (typeof value === "string") out.add(value);
    return out;
  };
  const institutions = strings("institutions", "id");
  const countries = new Set<string>();
  const lists = tableFromIPC(readFileSync(join(folder, "institutions.arrow"))).getChild("countries");
  if (lists) for (const list of lists) for (const code of list ?? []) if (typeof code === "string") countries.add(code);
  let records: FigureRecords | undefined;
  return {
    values: {
      sector: strings("sectors", "id"),
      country: countries,
      institution: institutions,
      series: strings("events", "series"),
      status: new Set(STATUSES),
    },
    institutions,
    commitments: strings("commitments", "id"),
    get records() {
      records ??= figureRecordsFromCache(folder);
      return records;
    },
  };
}

/** One line for a valid folder's summary: "1 story (6 slides)". */
export function storiesSummary(stories: readonly Story[]): string {
  const slides = stories.reduce((n, s) => n + s.slides.length, 0);
  return `${stories.length} stor${stories.length === 1 ? "y" : "ies"} (${slides} slide${slides === 1 ? "" : "s"})`;
}
