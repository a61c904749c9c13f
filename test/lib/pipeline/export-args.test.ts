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
    expect(error([])).toBe("say what to export: --records, --story");
    expect(error(["--records", "csv", "x.csv"])).toBe("--records needs a format among: xlsx (got csv)");
    expect(error(["--records", "xlsx"])).toBe("--records xlsx needs a file to write");
    expect(error(["--records", "xlsx", "x.csv"])).toBe("the file to write should end in .xlsx (got x.csv)");
    expect(error(["--records", "xlsx", "a.xlsx", "--records", "xlsx", "b.xlsx"])).toBe(
      "one export at a time: --records and --records",
    );
    expect(error(["--records", "xlsx", "a.xlsx", "--story", "x"])).toBe("one export at a time: --records and --story");
    expect(error(["--records", "xlsx", "a.xlsx", "--slides"])).toBe('unknown option "--slides"');
    expect(error(["--records", "xlsx", "a.xlsx", "extra"])).toBe('unexpected argument "extra"');
    expect(error(["--data"])).toBe("--data needs a folder");
    expect(error(["--records", "xlsx", "a.xlsx", "--out", "b.xlsx"])).toBe(
      "--out is for --story; --records takes FORMAT FILE",
    );
  });

  it("reads a story's id, format and file, the file named after the story by default", () => {
    expect(parseExportArgs(["--story", "pakistan-belarus", "--format", "pptx"])).toEqual({
      ok: true,
      args: {
        what: "story",
        story: "pakistan-belarus",
        format: "pptx",
        out: "pakistan-belarus.pptx",
        site: "http://127.0.0.1:3000/",
        data: undefined,
        force: false,
      },
    });
    const argv = ["--format", "pdf", "--story", "s1", "--out", "talk.PDF", "--data", "recs", "--force"];
    expect(parseExportArgs([...argv, "--site", "https://atlas.example/talks?x=1"])).toEqual({
      ok: true,
      args: {
        what: "story",
        story: "s1",
        format: "pdf",
        out: "talk.PDF",
        site: "https://atlas.example/talks/",
        data: "recs",
        force: true,
      },
    });
    expect(EXPORT_USAGE).toContain("--story ID --format FORMAT");
  });

  it("refuses a story export it cannot do, saying why", () => {
    const error = (argv: string[]) => {
      const parsed = parseExportArgs(argv);
      return parsed.ok ? undefined : parsed.error;
    };
    expect(error(["--story", "s1"])).toBe("--story needs --format among: pptx, pdf (got nothing)");
    expect(error(["--story", "s1", "--format", "key"])).toBe("--story needs --format among: pptx, pdf (got key)");
    expect(error(["--story", "../etc", "--format", "pdf"])).toBe(
      "--story needs a story id: lower-case letters, digits and hyphens (got ../etc)",
    );
    expect(error(["--story", "--format", "pdf"])).toBe("--story needs a story id (the name of its file in stories/)");
    expect(error(["--story", "s1", "--format", "pptx", "--out", "a.pdf"])).toBe(
      "the file to write should end in .pptx (got a.pdf)",
    );
    expect(error(["--story", "s1", "--format", "pptx", "--format", "pdf"])).toBe("--format is given twice");
    expect(error(["--story", "s1", "--format", "pptx", "--site", "ftp://x"])).toBe(
      "--site needs an http(s) address (got ftp://x)",
    );
  });
});
