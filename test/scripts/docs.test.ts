// The generated parts of docs/ match the schema.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("npm run docs -- --check", () => {
  it("reports docs/data-format.md and docs/tables.md up to date", () => {
    const run = spawnSync("npx", ["tsx", "scripts/docs.ts", "--check"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
