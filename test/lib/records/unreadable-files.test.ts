// References that fail only because a file could not be read are counted against that file, in one problem.
import { describe, expect, it } from "vitest";
import { UnreadableFiles } from "../../../src/lib/records/unreadable-files.js";

describe("UnreadableFiles", () => {
  it("folds references to ids an unreadable file mentions into one problem at that file", () => {
    const files = new UnreadableFiles();
    files.add({
      file: "institutions.yaml",
      text: "institutions:\n  - id: pk-gov\n    name: Gouvernement\xe9\n  - id: by-gov\n",
    });
    expect(files.hides("pk-gov", "institutions", "events/a.yaml")).toBe(true);
    expect(files.hides("by-gov", "institutions", "events/b.yaml")).toBe(true);
    expect(files.hides("pk-gov", "institutions", "events/b.yaml")).toBe(true);
    expect(files.hides("pk-mofa", "institutions", "events/b.yaml")).toBe(false);
    expect(files.knockOnProblems()).toEqual([
      {
        severity: "error",
        file: "institutions.yaml",
        rank: "knock-on",
        message:
          "hides 3 references in 2 other files to ids written in it (pk-gov, by-gov): they cannot be checked until this file is read",
        expected: "the problem above fixed; the references are checked again then",
      },
    ]);
  });

  it("counts a CSV file only for the table it holds, and reads UTF-16 words whole", () => {
    const files = new UnreadableFiles();
    files.add({
      file: "sectors.csv",
      text: Buffer.from("id,label\nrail,Rail\n", "utf16le").toString("latin1"),
      table: "sectors",
    });
    expect(files.hides("rail", "institutions", "e.yaml")).toBe(false);
    expect(files.hides("rail", "sectors", "e.yaml")).toBe(true);
  });

  it("lists five ids and counts the rest", () => {
    const files = new UnreadableFiles();
    const ids = ["a1", "a2", "a3", "a4", "a5", "a6", "a7"];
    files.add({ file: "x.yaml", text: ids.join(" ") });
    for (const id of ids) files.hides(id, "sources", "y.yaml");
    expect(files.knockOnProblems()[0].message).toBe(
      "hides 7 references in 1 other file to ids written in it (a1, a2, a3, a4, a5 and 2 more): they cannot be checked until this file is read",
    );
  });

  it("has nothing to say when nothing was hidden", () => {
    const files = new UnreadableFiles();
    files.add({ file: "x.yaml", text: "a1" });
    expect(files.knockOnProblems()).toEqual([]);
  });
});
