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

/** The largest points total an entry may carry: far beyond any real score, well inside I-JSON's safe range. */
export const MAX_MILLIPOINTS = 10 ** 15;

/** `millipoints × factor`, truncated toward zero, in exact integer arithmetic however large the product. */
export function scale(millipoints: number, perMilleFactor: number): number {
  return Number((BigInt(millipoints) * BigInt(perMilleFactor)) / 1000n);
}

/** `value` limited to ±MAX_MILLIPOINTS. */
export function clamp(value: number): number {
  return Math.max(-MAX_MILLIPOINTS, Math.min(MAX_MILLIPOINTS, value));
}
