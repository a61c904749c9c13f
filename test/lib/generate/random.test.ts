/**
 * The seeded stream and the weighted choices the generator is built on.
 */
import { describe, expect, it } from "vitest";
import { csvField, csvRow, partFile } from "../../../src/lib/generate/csv-writer.js";
import { isoDay, partialText, spanOf } from "../../../src/lib/generate/days.js";
import { mixSeed, Random, Weighted, zipfWeights } from "../../../src/lib/generate/random.js";
import { COUNTRY_ORDER, INSTITUTION_TEMPLATES, ordinal, SECTORS } from "../../../src/lib/generate/vocabulary.js";
import { COUNTRY_CODES } from "../../../src/lib/model/countries.js";

const draws = (seed: number, n = 20) => {
  const rng = new Random(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe("Random", () => {
  it("repeats its stream for a seed and differs between seeds, even neighbouring ones", () => {
    expect(draws(1)).toEqual(draws(1));
    expect(draws(1)).not.toEqual(draws(2));
    expect(mixSeed(1)).not.toBe(mixSeed(2));
    for (const x of draws(0, 1000)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it("draws whole numbers in range and roughly uniformly", () => {
    const rng = new Random(3);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[rng.int(4)]++;
    for (const c of counts) expect(c / 40_000).toBeCloseTo(0.25, 1);
    for (let i = 0; i < 1000; i++) {
      const v = rng.between(2, 5);
      expect(v).toBeGreaterThanOrEqual(2);
      expect(v).toBeLessThanOrEqual(5);
    }
  });

  it("follows the weights of a weighted table", () => {
    const table = new Weighted([1, 0, 3]);
    expect(table.share(0)).toBeCloseTo(0.25);
    expect(table.share(1)).toBe(0);
    const rng = new Random(4);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[rng.weighted(table)]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / 40_000).toBeCloseTo(0.75, 1);
    expect(() => new Weighted([])).toThrow();
    expect(() => new Weighted([0, 0])).toThrow();
    expect(() => new Weighted([1, -1])).toThrow();
  });

  it("makes Zipf weights that favour the first ranks", () => {
    const w = zipfWeights(10, 1);
    expect(w[0]).toBe(1);
    expect(w[9]).toBeCloseTo(0.1);
  });
});

describe("days and CSV fields", () => {
  it("writes a day at each precision and knows the span it covers", () => {
    const day = Date.UTC(2024, 1, 29) / 86_400_000;
    expect(isoDay(day)).toBe("2024-02-29");
    expect(partialText(day, "month")).toBe("2024-02");
    expect(partialText(day, "year")).toBe("2024");
    expect(isoDay(spanOf(day, "month").to)).toBe("2024-02-29");
    expect(isoDay(spanOf(day, "year").from)).toBe("2024-01-01");
    expect(isoDay(Date.UTC(2100, 0, 1) / 86_400_000)).toBe("2100-01-01");
  });

  it("quotes CSV fields only when needed", () => {
    expect(csvField(undefined)).toBe("");
    expect(csvField("plain")).toBe("plain");
    expect(csvField(8)).toBe("8");
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvRow(["a", undefined, "b,c"])).toBe('a,,"b,c"\n');
    expect(partFile("commitments", undefined)).toBe("commitments.csv");
    expect(partFile("commitments", 2)).toBe("commitments.0002.csv");
  });
});

describe("vocabulary", () => {
  it("takes real country codes, each once", () => {
    expect(new Set(COUNTRY_ORDER).size).toBe(COUNTRY_ORDER.length);
    expect(COUNTRY_ORDER.length).toBe(COUNTRY_CODES.size);
    for (const code of COUNTRY_ORDER) expect(COUNTRY_CODES.has(code)).toBe(true);
    expect(COUNTRY_ORDER.slice(0, 2)).toEqual(["PK", "BY"]);
  });

  it("has unique institution slugs and sector ids, and sectors the templates name", () => {
    const slugs = INSTITUTION_TEMPLATES.map((t) => t.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const ids = new Set(SECTORS.map((s) => s.id));
    expect(ids.size).toBe(SECTORS.length);
    for (const t of INSTITUTION_TEMPLATES) for (const s of t.sectors) expect(ids.has(s), `${t.slug}: ${s}`).toBe(true);
    for (const s of SECTORS) for (const topic of s.topics) expect(topic).not.toMatch(/[,;"\n]/);
  });

  it("writes ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "101st",
      "111th",
    ]);
  });
});
