/**
 * Integer arithmetic for points: configuration numbers (points with up to three decimals, factors)
 * become millipoints and per-mille factors once, and every later step is integer arithmetic, so the
 * same inputs give the same points on every machine and in every order.
 */

/** Points as written in the configuration → millipoints. */
export function milli(points: number): number {
  return Math.round(points * 1000);
}

/** A factor as written in the configuration → per mille (1.2 → 1200). */
export function perMille(factor: number): number {
  return Math.round(factor * 1000);
}

/** `millipoints × factor`, truncated toward zero: (m · p) is exact below 2^53 for every value the schema allows. */
export function scale(millipoints: number, perMilleFactor: number): number {
  const product = millipoints * perMilleFactor;
  return (product - (product % 1000)) / 1000;
}

/** `millipoints × n / d` for integers, truncated toward zero. */
export function ratio(millipoints: number, n: number, d: number): number {
  const product = millipoints * n;
  return (product - (product % d)) / d;
}
