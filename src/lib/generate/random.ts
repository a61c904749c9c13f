/**
 * Seeded randomness for the synthetic data generator. One stream of numbers,
 * drawn in a fixed order, so the same seed always gives the same records.
 *
 * The uniform source is d3-random's `randomLcg` (a 32-bit linear congruential
 * generator: fast, period 2^32, plenty for the few tens of millions of draws a
 * million commitments need); the seed is mixed first so that neighbouring seeds
 * (1, 2, 3) start far apart.
 */
import { randomLcg, randomLogNormal } from "d3-random";

/** Mixes a seed (any 32-bit unsigned integer) into a well-spread 32-bit state (murmur3's finaliser). */
export function mixSeed(seed: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Choice among items with fixed weights: cumulative sums, searched by bisection. */
export class Weighted {
  readonly cumulative: Float64Array;
  readonly total: number;

  constructor(weights: readonly number[]) {
    if (weights.length === 0) throw new Error("Weighted: no weights");
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => {
      if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`Weighted: weight ${i} is not a finite number ≥ 0`);
      sum += w;
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new Error("Weighted: all weights are zero");
    this.total = sum;
  }

  /** The index whose cumulative span holds `u` (a uniform number in [0, 1)). */
  index(u: number): number {
    const target = u * this.total;
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Probability of item `i`. */
  share(i: number): number {
    return (this.cumulative[i] - (i > 0 ? this.cumulative[i - 1] : 0)) / this.total;
  }
}

/** Zipf weights 1/r^s for ranks 1..n: a few items get most of the draws. */
export function zipfWeights(n: number, s: number): number[] {
  return Array.from({ length: n }, (_, r) => 1 / (r + 1) ** s);
}

export class Random {
  /** Uniform in [0, 1). */
  readonly next: () => number;
  private readonly logNormalSource: (mu?: number, sigma?: number) => () => number;

  constructor(seed: number) {
    // randomLcg takes a seed in [0, 1) as a fraction of its 32-bit state.
    this.next = randomLcg(mixSeed(seed) / 0x100000000);
    this.logNormalSource = randomLogNormal.source(this.next);
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A whole number in [lo, hi], both included. */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** An index drawn from a weighted table. */
  weighted(table: Weighted): number {
    return table.index(this.next());
  }

  /** A log-normal sampler drawing from this stream (d3-random's randomLogNormal). */
  logNormal(mu: number, sigma: number): () => number {
    return this.logNormalSource(mu, sigma);
  }

  /** Fisher–Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}
