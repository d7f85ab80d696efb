// The two-parameter Weibull life model, fitted by maximum likelihood to intervals between failures of
// which some are right-censored (the asset is still running: its interval has not ended yet).
//
// With times t_i, δ_i = 1 when interval i ended in a failure and 0 when it is censored, r = Σ δ_i:
//   log-likelihood   ℓ(k, λ) = Σ δ_i [ln k − k ln λ + (k − 1) ln t_i] − Σ (t_i / λ)^k
//   ∂ℓ/∂λ = 0 gives  λ̂(k)^k = Σ t_i^k / r
//   and the shape's profile equation (∂ℓ/∂k = 0 with λ = λ̂(k)):
//                    g(k) = Σ t_i^k ln t_i / Σ t_i^k − 1/k − (1/r) Σ δ_i ln t_i = 0
//   g'(k) = Var_w(ln t) + 1/k² > 0 (weights t_i^k), so g has one root: Newton's step, kept inside a
//   bisection bracket so it cannot run away. Times are divided by the largest first (the shape does not
//   change; the scale is multiplied back), so t^k neither overflows nor underflows.
// Survival R(t) = exp(−(t/λ)^k). For an asset that has run `a` days since its last failure:
//   P(failure within h days | survived a) = 1 − R(a + h) / R(a) = 1 − exp((a/λ)^k − ((a + h)/λ)^k)
//   expected remaining life E[T − a | T > a] = ∫_a^∞ R(t) dt / R(a) = λ/k · Γ(1/k) · Q(1/k, u) · e^u, u = (a/λ)^k
//   (Q: regularized upper incomplete gamma), so at a = 0 it is the mean life λ Γ(1 + 1/k).
import { lnGamma, logUpperGammaQ } from './special-functions.js';

/** One interval in days: ended by a failure, or still running (censored). */
export interface LifeObservation {
  days: number;
  failed: boolean;
}

export interface WeibullFit {
  shape: number;
  /** Days. */
  scale: number;
  failures: number;
  censored: number;
}

/** A category needs at least this many observed failures (intervals ending in one) before its model is
 * trusted; below it, the risk says "too little data" instead of a number. Eight failures put the shape's
 * MLE within about ±35 % (its standard error is about 0.8·k/√r), enough to rank assets, not fewer. */
export const MIN_FAILURES_TO_FIT = 8;

/** Intervals shorter than an hour (two orders the same morning) count as an hour: ln 0 has no place here. */
const SHORTEST_DAYS = 1 / 24;

export function fitWeibull(observations: readonly LifeObservation[]): WeibullFit | null {
  const times = observations.map((o) => Math.max(SHORTEST_DAYS, o.days));
  const failed = observations.map((o) => o.failed);
  const failures = failed.filter(Boolean).length;
  if (failures < MIN_FAILURES_TO_FIT) return null;
  const largest = Math.max(...times);
  const logs = times.map((t) => Math.log(t / largest));
  const meanFailureLog = logs.reduce((sum, l, i) => (failed[i] ? sum + l : sum), 0) / failures;
  const profile = (k: number) => {
    let s0 = 0, s1 = 0, s2 = 0;
    for (const l of logs) {
      const w = Math.exp(k * l);
      s0 += w; s1 += w * l; s2 += w * l * l;
    }
    const mean = s1 / s0;
    return { g: mean - 1 / k - meanFailureLog, slope: s2 / s0 - mean * mean + 1 / (k * k), s0 };
  };
  let low = 0.01, high = 100;
  // No root inside (all failures at one time, nothing spread): no shape a plant would believe.
  if (profile(low).g > 0 || profile(high).g < 0) return null;
  let k = 1;
  for (let i = 0; i < 200; i++) {
    const { g, slope } = profile(k);
    if (Math.abs(g) < 1e-12) break;
    if (g > 0) high = k; else low = k;
    const newton = k - g / slope;
    k = newton > low && newton < high ? newton : (low + high) / 2;
    if (high - low < 1e-12 * k) break;
  }
  const scale = largest * Math.pow(profile(k).s0 / failures, 1 / k);
  return { shape: k, scale, failures, censored: observations.length - failures };
}

/** P(failure within `horizonDays` | it has run `ageDays` since its last failure). */
export function failureProbability(fit: Pick<WeibullFit, 'shape' | 'scale'>, ageDays: number, horizonDays: number): number {
  const { shape: k, scale: λ } = fit;
  const a = Math.max(0, ageDays);
  return 1 - Math.exp(Math.pow(a / λ, k) - Math.pow((a + horizonDays) / λ, k));
}

/** E[T − a | T > a] in days. */
export function expectedRemainingDays(fit: Pick<WeibullFit, 'shape' | 'scale'>, ageDays: number): number {
  const { shape: k, scale: λ } = fit;
  const u = Math.pow(Math.max(0, ageDays) / λ, k);
  return (λ / k) * Math.exp(lnGamma(1 / k) + logUpperGammaQ(1 / k, u) + u);
}
