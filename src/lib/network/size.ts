/** Node radius: area proportional to the value, from 4 px (smallest) to 22 px (largest in view). */
export const MIN_RADIUS = 4;
export const MAX_RADIUS = 22;

export function nodeRadius(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return MIN_RADIUS;
  return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(Math.min(1, value / max));
}

/** Edge stroke width from the number of shared commitments: 1 px to 8 px, by square root. */
export function edgeWidth(weight: number, max: number): number {
  if (!(max > 0)) return 1;
  return 1 + 7 * Math.sqrt(Math.max(0, weight - 1) / Math.max(1, max - 1));
}
