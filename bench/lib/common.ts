/**
 * Small helpers shared by the benchmarks: command-line flags, percentiles, a
 * plain-text table, machine facts and the results folder.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { resolve } from "node:path";
import { ROOT } from "../../devtools/project-paths.js";

/** bench/results/, where every benchmark writes its JSON. */
export const RESULTS_DIR = resolve(ROOT, "bench/results");

/**
 * Reads `--name value`, `--name=value` and bare `--flag` (for names listed in
 * `booleans`). Unknown flags and stray words end the process with `usage`.
 */
export function parseFlags(
  argv: readonly string[],
  known: readonly string[],
  booleans: readonly string[],
  usage: string,
): Map<string, string> {
  const flags = new Map<string, string>();
  const fail = (message: string): never => {
    process.stderr.write(`${message}\n${usage}\n`);
    process.exit(2);
  };
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    if (!arg.startsWith("--")) fail(`Unexpected argument “${arg}”.`);
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    if (!known.includes(name) && !booleans.includes(name)) fail(`Unknown option --${name}.`);
    if (booleans.includes(name)) {
      flags.set(name, eq >= 0 ? arg.slice(eq + 1) : "true");
    } else if (eq >= 0) {
      flags.set(name, arg.slice(eq + 1));
    } else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) fail(`--${name} needs a value.`);
      flags.set(name, value);
      i += 1;
    }
  }
  return flags;
}

/** A positive integer flag, or `fallback`; exits with `usage` on anything else. */
export function intFlag(flags: Map<string, string>, name: string, fallback: number, usage: string): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    process.stderr.write(`--${name} takes a positive whole number, not “${raw}”.\n${usage}\n`);
    process.exit(2);
  }
  return value;
}

/** The q-quantile (0–1) by linear interpolation between closest ranks; null for no values. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const xs = [...values].sort((a, b) => a - b);
  const position = (xs.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return xs[low] + (xs[high] - xs[low]) * (position - low);
}

/** Columns padded to their widest cell, three spaces apart. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (cell ?? "").padEnd(widths[c]))
        .join("   ")
        .trimEnd(),
    )
    .join("\n");
}

/** Milliseconds for people: "0.84 ms", "12.3 ms", "1.24 s". */
export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export interface Machine {
  cores: number;
  cpu: string | null;
  memoryGiB: number;
  node: string;
  platform: string;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? null,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** "2 cores (AMD EPYC …), 24 GiB · Node v20.…" */
export function describeMachine(m: Machine = machine()): string {
  return `${m.cores} cores (${m.cpu ?? "unknown CPU"}), ${m.memoryGiB} GiB · Node ${m.node}`;
}

/** Writes bench/results/<name>-<timestamp>.json and returns its path. */
export function writeResult(name: string, date: string, report: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = resolve(RESULTS_DIR, `${name}-${date.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
