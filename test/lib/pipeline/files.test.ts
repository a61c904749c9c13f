import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { publishedPath } from "../../../src/lib/pipeline/files.js";

describe("publishedPath", () => {
  it("keeps a folder inside the project relative, and gives only the name of one outside it", () => {
    expect(publishedPath(join(process.cwd(), "data"))).toBe("data");
    expect(publishedPath(join(process.cwd(), "test/fixtures/world-sample"))).toBe("test/fixtures/world-sample");
    expect(publishedPath("/home/analyst/private/records")).toBe("…/records");
  });
});
