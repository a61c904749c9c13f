import { describe, expect, it } from "vitest";
import { EXPORT_USAGE, parseExportArgs } from "../../../src/lib/pipeline/export-args.js";

describe("npm run export's arguments", () => {
  it("reads what to export, its format and file, and the shared options", () => {
    expect(parseExportArgs(["--records", "xlsx", "out.xlsx"])).toEqual({
      ok: true,
      args: { what: "records", format: "xlsx", out: "out.xlsx", data: undefined, force: false },
    });
    expect(parseExportArgs(["--data", "recs", "--records", "xlsx", "a/b.XLSX", "--force"])).toEqual({
      ok: true,
      args: { what: "records", format: "xlsx", out: "a/b.XLSX", data: "recs", force: true },
    });
    expect(parseExportArgs(["--help"])).toEqual({ ok: true, help: true });
    expect(EXPORT_USAGE).toContain("--records FORMAT FILE");
  });

  it("refuses what it cannot do, saying why", () => {
    const error = (argv: string[]) => {
      const parsed = parseExportArgs(argv);
      return parsed.ok ? undefined : parsed.error;
    };
    expect(error([])).toBe("say what to export: --records");
    expect(error(["--records", "csv", "x.csv"])).toBe("--records needs a format among: xlsx (got csv)");
    expect(error(["--records", "xlsx"])).toBe("--records xlsx needs a file to write");
    expect(error(["--records", "xlsx", "x.csv"])).toBe("the file to write should end in .xlsx (got x.csv)");
    expect(error(["--records", "xlsx", "a.xlsx", "--records", "xlsx", "b.xlsx"])).toBe(
      "one export at a time: --records and --records",
    );
    expect(error(["--records", "xlsx", "a.xlsx", "--story", "x"])).toBe('unknown option "--story"');
    expect(error(["--records", "xlsx", "a.xlsx", "extra"])).toBe('unexpected argument "extra"');
    expect(error(["--data"])).toBe("--data needs a folder");
  });
});
