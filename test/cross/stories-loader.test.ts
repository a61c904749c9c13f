/**
 * The stories loader (src/data/stories.json.ts) names the data folder it read,
 * as the build names it, so /present with no story tells where to add one.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("stories.json", () => {
  it("carries the data folder it was read from, relative to the project", () => {
    const stdout = execFileSync("node_modules/.bin/tsx", ["src/data/stories.json.ts"], {
      encoding: "utf8",
      env: { ...process.env, ACCORD_DATA_DIR: "test/fixtures/valid" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(JSON.parse(stdout)).toEqual({ stories: [], dataDir: "test/fixtures/valid" });
  }, 180_000);
});
