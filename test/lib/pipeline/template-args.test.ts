import { describe, expect, it } from "vitest";
import { parseTemplateArgs } from "../../../src/lib/pipeline/template-args.js";

describe("npm run template's arguments", () => {
  it("reads the workbook to write, the data folder and --force", () => {
    expect(parseTemplateArgs(["--xlsx", "t.xlsx"])).toEqual({
      ok: true,
      args: { out: "t.xlsx", data: undefined, force: false },
    });
    expect(parseTemplateArgs(["--data", "recs", "--force", "--xlsx", "t.xlsx"])).toEqual({
      ok: true,
      args: { out: "t.xlsx", data: "recs", force: true },
    });
    expect(parseTemplateArgs(["--help"])).toEqual({ ok: true, help: true });
  });

  it("refuses missing or doubled values and other files", () => {
    const error = (argv: string[]) => {
      const parsed = parseTemplateArgs(argv);
      return parsed.ok ? undefined : parsed.error;
    };
    expect(error([])).toBe("say which workbook to write: --xlsx FILE");
    expect(error(["--xlsx"])).toBe("--xlsx needs a file");
    expect(error(["--xlsx", "t.csv"])).toBe("the workbook should end in .xlsx (got t.csv)");
    expect(error(["--xlsx", "a.xlsx", "--xlsx", "b.xlsx"])).toBe("--xlsx is given twice");
    expect(error(["--data", "--xlsx", "a.xlsx"])).toBe("--data needs a folder");
    expect(error(["t.xlsx"])).toBe('unexpected argument "t.xlsx"');
  });
});
