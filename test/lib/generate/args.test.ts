/**
 * The flags of `npm run generate`.
 */
import { describe, expect, it } from "vitest";
import { DEFAULTS, parseGenerateArgs } from "../../../src/lib/generate/args.js";

const ok = (...argv: string[]) => {
  const result = parseGenerateArgs(argv);
  if (!result.ok) throw new Error(result.error);
  return result.args;
};
const error = (...argv: string[]) => {
  const result = parseGenerateArgs(argv);
  return result.ok ? undefined : result.error;
};

describe("parseGenerateArgs", () => {
  it("has defaults", () => {
    expect(ok()).toEqual({ ...DEFAULTS, force: false, help: false });
    expect(DEFAULTS).toEqual({ commitments: 1000, institutions: 200, countries: 8, seed: 1, out: "generated" });
  });

  it("reads --name value and --name=value, with thousands separators", () => {
    expect(ok("--commitments", "1_000_000", "--seed=7", "--out", "/tmp/x", "--force")).toMatchObject({
      commitments: 1_000_000,
      seed: 7,
      out: "/tmp/x",
      force: true,
    });
    expect(ok("--countries=3", "--institutions", "6").countries).toBe(3);
    expect(ok("--commitments", "2,500").commitments).toBe(2500);
    expect(ok("--help").help).toBe(true);
  });

  it("refuses bad input", () => {
    expect(error("--commitments")).toMatch(/needs a value/);
    expect(error("--commitments", "--seed", "1")).toMatch(/needs a value/);
    expect(error("--commitments", "ten")).toMatch(/whole number/);
    expect(error("--commitments", "-5")).toMatch(/whole number/);
    expect(error("--commitments", "1.5")).toMatch(/whole number/);
    expect(error("--commitments", "0")).toMatch(/between 1/);
    expect(error("--countries", "1")).toMatch(/between 2/);
    expect(error("--countries", "400")).toMatch(/between 2 and 249/);
    expect(error("--countries", "8", "--institutions", "15")).toMatch(/its government/);
    expect(error("--seed", "4294967296")).toMatch(/seed/);
    expect(error("--rows", "5")).toMatch(/unknown option "--rows"/);
    expect(error("stray")).toMatch(/unexpected argument/);
    expect(error("--seed", "1", "--seed", "2")).toMatch(/twice/);
    expect(error("--out", "")).toMatch(/folder/);
    expect(error("--force=yes")).toMatch(/no value/);
  });
});
