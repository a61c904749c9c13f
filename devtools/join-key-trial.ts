/**
 * Text ids against integer join keys, the same question asked both ways, in
 * DuckDB-WASM (headless Chromium, the built site's `/`) and in native DuckDB on
 * one thread, on the same tables:
 *
 *     npx tsx devtools/join-key-trial.ts --dist=DIR [--runs=7]
 *
 * Four questions: the timeline's status updates joined to their commitments,
 * unfiltered and for the largest sector; one commitment's updates; and how many
 * commitments a party of the most common country binds (the country filter).
 * Each is run as written on the ids (`c.id = u.commitment_id`) and on the keys
 * (`c.key = u.commitment_key`), alternated run by run; prints the p50s and both
 * engines' ratios. A diagnostic for docs/performance.md ("Integer join keys"),
 * not a benchmark: no goal, one site, the texts written here rather than the
 * pages' own.
 */
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { startStaticServer } from "../scripts/static-server.js";
import { launchBrowser, openPage } from "./browser-harness.js";
import { tableFiles } from "./dist-tables.js";
import { openNative } from "./native-duckdb.js";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v = ""] = a.replace(/^--/, "").split("=");
    return [k, v] as [string, string];
  }),
);
if (!args.get("dist")) throw new Error("Usage: npx tsx devtools/join-key-trial.ts --dist=DIR [--runs=7]");
const dist = resolve(args.get("dist") as string);
const runs = Number(args.get("runs") || 7);

type Trial = { name: string; ids: string; keys: string };

function trials(sector: string, commitment: string, key: number, country: string): Trial[] {
  const updates = (join: string, where: string, order: string) =>
    `SELECT u.commitment_id, u.id, u.status, u.date, u.date_from, u.date_to
    FROM status_updates u JOIN commitments c ON ${join} ${where} ORDER BY ${order}, u.date_to, u.date_from, u.id`;
  const bound = (key: boolean) =>
    `SELECT count(*) FROM commitments c WHERE c.${key ? "key" : "id"} IN (SELECT p.commitment_${key ? "key" : "id"}
    FROM commitment_parties p JOIN (SELECT ${key ? "key" : "id"}, unnest(countries) AS country FROM institutions) i
    ON i.${key ? "key = p.institution_key" : "id = p.institution_id"} WHERE i.country = '${country}')`;
  return [
    {
      name: "updates joined to their commitments",
      ids: updates("c.id = u.commitment_id", "", "u.commitment_id"),
      keys: updates("c.key = u.commitment_key", "", "u.commitment_key"),
    },
    {
      name: `the same, sector ${sector}`,
      ids: updates("c.id = u.commitment_id", `WHERE c.sector = '${sector}'`, "u.commitment_id"),
      keys: updates("c.key = u.commitment_key", `WHERE c.sector = '${sector}'`, "u.commitment_key"),
    },
    {
      name: "one commitment's updates",
      ids: `SELECT id, date, status FROM status_updates WHERE commitment_id = '${commitment}' ORDER BY date_to, id`,
      keys: `SELECT id, date, status FROM status_updates WHERE commitment_key = ${key} ORDER BY date_to, id`,
    },
    { name: `commitments binding a party of ${country}`, ids: bound(false), keys: bound(true) },
  ];
}

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const native = await openNative(tableFiles(dist), 1);
const first = async (text: string) => (await native.connection.runAndReadAll(text)).getRowsJS()[0];
const [sector] = await first("SELECT sector FROM commitments GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
const [commitment, key] = await first(
  "SELECT commitment_id, commitment_key FROM status_updates GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1",
);
const [country] = await first(
  "SELECT country FROM (SELECT unnest(countries) AS country FROM institutions) GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
);
const list = trials(String(sector), String(commitment), Number(key), String(country));
const nativeTimes: Record<string, number[]> = {};
for (let r = 0; r <= runs; r++)
  for (const t of list)
    for (const side of ["ids", "keys"] as const) {
      const started = performance.now();
      const reader = await native.connection.runAndReadAll(t[side]);
      const name = `${t.name} ${side}`;
      if (r > 0) nativeTimes[name] = [...(nativeTimes[name] ?? []), performance.now() - started];
      else process.stderr.write(`${t.name} (${side}): ${reader.currentRowCount} rows\n`);
    }
native.close();

const server = await startStaticServer({ root: dist });
const browser = await launchBrowser();
let wasmTimes: Record<string, number[]>;
try {
  const handle = await openPage(browser, `${server.url}/`);
  await handle.page.waitForSelector('.aa-status[data-state="ready"]', { state: "attached", timeout: 900_000 });
  wasmTimes = (await handle.page.evaluate(`(async () => {
    const db = await globalThis.__accordAtlas.database();
    await db.load();
    const { connection } = await db.engine();
    const list = ${JSON.stringify(list)};
    const times = {};
    for (let r = 0; r <= ${runs}; r++) for (const t of list) for (const side of ["ids", "keys"]) {
      const started = performance.now();
      await connection.query(t[side]);
      if (r > 0) (times[t.name + " " + side] ??= []).push(performance.now() - started);
    }
    return times;
  })()`)) as Record<string, number[]>;
  await handle.close();
} finally {
  await browser.close();
  await server.close();
}

console.log(
  `${dist} · p50 of ${runs} · load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}`,
);
console.log("| Question | WASM, ids → keys | native 1 thread, ids → keys | ratio, ids → keys |");
console.log("|---|---|---|---|");
for (const t of list) {
  const [wi, wk, ni, nk] = [
    p50(wasmTimes[`${t.name} ids`]),
    p50(wasmTimes[`${t.name} keys`]),
    p50(nativeTimes[`${t.name} ids`]),
    p50(nativeTimes[`${t.name} keys`]),
  ];
  const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
  console.log(
    `| ${t.name} | ${ms(wi)} → ${ms(wk)} | ${ms(ni)} → ${ms(nk)} | ${(wi / ni).toFixed(2)}× → ${(wk / nk).toFixed(2)}× |`,
  );
}
