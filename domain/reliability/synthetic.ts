// Synthetic plants with known answers, for the validation tests and `npm run bench:health`: fleets whose
// failures follow a Weibull law of chosen shape and scale, and readings drifting at a chosen rate. A
// seeded generator, so a run is repeatable.
import type { LifeObservation } from './weibull.js';
import type { TimedValue } from './reading-trend.js';

/** mulberry32: a small, fast, well-mixed 32-bit generator; plenty for simulations of this size. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Weibull draw by inversion: λ (−ln U)^(1/k). */
export const weibullDraw = (random: () => number, shape: number, scale: number) => scale * Math.pow(-Math.log(1 - random()), 1 / shape);

/** A standard normal draw (Box–Muller). */
export const normalDraw = (random: () => number) => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

export interface SimulatedAsset {
  /** Days from the start of observation to each failure. */
  failures: number[];
}

/** `assets` assets observed for `days` days, each renewed at every failure (as good as new), each at a
 * random point of its first life when observation starts (as a real fleet is: not all new on day 0). */
export function simulateFleet(random: () => number, options: { assets: number; days: number; shape: number; scale: number }): SimulatedAsset[] {
  return Array.from({ length: options.assets }, () => {
    const failures: number[] = [];
    let next = weibullDraw(random, options.shape, options.scale) * random();
    while (next <= options.days) {
      failures.push(next);
      next += weibullDraw(random, options.shape, options.scale);
    }
    return { failures };
  });
}

/** What a plant knows at day `until`: the intervals between consecutive failures (observed) and the time
 * since each asset's last failure (censored). Time before an asset's first failure is not counted: when
 * its life began is not known, as for most assets of a real plant. */
export function observationsUntil(fleet: readonly SimulatedAsset[], until: number): LifeObservation[] {
  const observations: LifeObservation[] = [];
  for (const asset of fleet) {
    const seen = asset.failures.filter((day) => day <= until);
    for (let i = 1; i < seen.length; i++) observations.push({ days: seen[i]! - seen[i - 1]!, failed: true });
    if (seen.length) observations.push({ days: until - seen.at(-1)!, failed: false });
  }
  return observations;
}

/** Daily readings drifting by `slopePerDay` with normal noise and a share of gross outliers. */
export function driftingReadings(random: () => number, options: { days: number; start: number; slopePerDay: number; noise: number; outlierShare?: number }): TimedValue[] {
  return Array.from({ length: options.days }, (_, day) => {
    const outlier = random() < (options.outlierShare ?? 0) ? (random() < 0.5 ? -1 : 1) * 20 * options.noise : 0;
    return { day, value: options.start + options.slopePerDay * day + options.noise * normalDraw(random) + outlier };
  });
}
