// Progress lines on stderr: quiet for short runs, throttled while reading, one line per phase.
import { describe, expect, it } from "vitest";
import { Progress } from "../../../src/lib/pipeline/progress.js";

function fake() {
  const lines: string[] = [];
  let now = 0;
  const progress = new Progress(
    (line) => lines.push(line),
    () => now,
    () => 512 * 2 ** 20,
  );
  return { lines, progress, at: (ms: number) => (now = ms) };
}

const reading = (records: number) => ({ file: "data/commitments.0002.csv", files: 1, of: 9, records });

describe("progress", () => {
  it("says nothing in the first two seconds", () => {
    const { lines, progress, at } = fake();
    at(500);
    progress.reading(reading(1000));
    progress.phase("normalising and sorting");
    expect(lines).toEqual([]);
  });

  it("prints at most one reading line a second, with files, records, time, memory and file", () => {
    const { lines, progress, at } = fake();
    at(2500);
    progress.reading(reading(65_536));
    at(3000);
    progress.reading(reading(131_072));
    at(3600);
    progress.reading(reading(196_608));
    expect(lines).toEqual([
      "  reading records: 1/9 files, 65,536 records, 3 s, 512 MB (data/commitments.0002.csv)\n",
      "  reading records: 1/9 files, 196,608 records, 4 s, 512 MB (data/commitments.0002.csv)\n",
    ]);
  });

  it("prints every phase once the run is long", () => {
    const { lines, progress, at } = fake();
    at(30_000);
    progress.phase("normalising and sorting");
    progress.phase("writing commitments.arrow (1,000,000 rows)");
    expect(lines).toEqual([
      "  normalising and sorting: 30 s, 512 MB\n",
      "  writing commitments.arrow (1,000,000 rows): 30 s, 512 MB\n",
    ]);
  });
});
