import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "test/lib/**/*.test.ts",
            "test/scripts/**/*.test.ts",
            "test/cross/**/*.test.ts",
            "test/devtools/**/*.test.ts",
          ],
          environment: "node",
          // Every record validated in the unit tests also goes through zod (see validate.ts).
          env: { ACCORD_VERIFY_CHECKS: "1" },
        },
      },
      {
        test: {
          name: "build",
          include: ["test/build/**/*.test.ts"],
          environment: "node",
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
