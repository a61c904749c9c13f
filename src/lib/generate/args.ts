/**
 * The flags of `npm run generate`, checked before anything is written.
 */
import { COUNTRY_ORDER } from "./vocabulary.js";

export interface GenerateArgs {
  commitments: number;
  institutions: number;
  countries: number;
  seed: number;
  out: string;
  force: boolean;
  help: boolean;
}

export const DEFAULTS = { commitments: 1000, institutions: 200, countries: 8, seed: 1, out: "generated" } as const;
export const MAX_COMMITMENTS = 20_000_000;
export const MAX_INSTITUTIONS = 1_000_000;
export const MAX_SEED = 0xffffffff;

export const USAGE = `Usage: npm run generate -- [options]

Writes a synthetic dataset (CSV and YAML record files) for testing and benchmarks.
The same options always give byte-identical files.

Options:
  --commitments N    commitments to generate, 1–${MAX_COMMITMENTS.toLocaleString("en")} (default ${DEFAULTS.commitments})
  --institutions M   institutions, at least twice --countries (default ${DEFAULTS.institutions})
  --countries K      countries, 2–${COUNTRY_ORDER.length} real ISO codes taken in a fixed order (default ${DEFAULTS.countries})
  --seed S           seed of the random stream, 0–${MAX_SEED} (default ${DEFAULTS.seed})
  --out DIR          folder to write (created; default ${DEFAULTS.out}/)
  --force            write into a non-empty folder, replacing only files the generator writes
  --help             show this help`;

const NUMERIC = ["commitments", "institutions", "countries", "seed"] as const;
type Numeric = (typeof NUMERIC)[number];

export type ParseResult = { ok: true; args: GenerateArgs } | { ok: false; error: string };

export function parseGenerateArgs(argv: readonly string[]): ParseResult {
  const args: GenerateArgs = { ...DEFAULTS, force: false, help: false };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) return { ok: false, error: `unexpected argument "${arg}"` };
    const eq = arg.indexOf("=");
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (name === "help" || name === "force") {
      if (eq >= 0) return { ok: false, error: `--${name} takes no value` };
      args[name] = true;
      continue;
    }
    if (name !== "out" && !(NUMERIC as readonly string[]).includes(name)) {
      return { ok: false, error: `unknown option "--${name}"` };
    }
    if (seen.has(name)) return { ok: false, error: `--${name} is given twice` };
    seen.add(name);
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) return { ok: false, error: `--${name} needs a value` };
      i++;
    }
    if (name === "out") {
      if (value.trim() === "") return { ok: false, error: "--out needs a folder" };
      args.out = value;
      continue;
    }
    // Digits only, with optional thousands separators: 1000000, 1_000_000 or 1,000,000.
    if (!/^\d+(?:[_,]\d{3})*$/.test(value)) {
      return { ok: false, error: `--${name} must be a whole number, not "${value}"` };
    }
    args[name as Numeric] = Number(value.replace(/[_,]/g, ""));
  }
  const range = (name: Numeric, min: number, max: number): string | undefined =>
    args[name] < min || args[name] > max
      ? `--${name} must be between ${min.toLocaleString("en")} and ${max.toLocaleString("en")} (got ${args[name].toLocaleString("en")})`
      : undefined;
  const error =
    range("commitments", 1, MAX_COMMITMENTS) ??
    range("countries", 2, COUNTRY_ORDER.length) ??
    range("institutions", 2 * args.countries, MAX_INSTITUTIONS) ??
    range("seed", 0, MAX_SEED);
  if (error) {
    return {
      ok: false,
      error:
        error.startsWith("--institutions") && args.institutions < 2 * args.countries
          ? `${error}: each of the ${args.countries} countries needs its government and at least one other institution`
          : error,
    };
  }
  return { ok: true, args };
}
