// The failure model and the reading trend, validated on synthetic plants whose answers are known (issue 25):
// the tolerances are those stated in domain/reliability/validation.ts, and `npm run bench:health` prints the
// same figures. No database: this is arithmetic, checked against closed forms and simulations.
import { describe, expect, it } from 'vitest';
import { crossingAccuracy, predictionScores, TOLERANCE, weibullRecovery } from '../domain/reliability/validation.js';
import { expectedRemainingDays, failureProbability, fitWeibull, MIN_FAILURES_TO_FIT } from '../domain/reliability/weibull.js';
import { fitReadingTrend, MIN_TREND_READINGS, predictCrossing } from '../domain/reliability/reading-trend.js';
import { lnGamma, upperGammaQ } from '../domain/reliability/special-functions.js';

describe('the Weibull model', () => {
  it('matches the closed forms: exponential at shape 1, Rayleigh mean at shape 2, Γ and Q at known points', () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(upperGammaQ(1, 2)).toBeCloseTo(Math.exp(-2), 12); // Q(1, x) = e^-x
    expect(upperGammaQ(3, 10)).toBeCloseTo(Math.exp(-10) * (1 + 10 + 50), 12);
    // Memoryless at shape 1: any age, P(30 days) = 1 − e^(−30/100), remaining life = the scale.
    expect(failureProbability({ shape: 1, scale: 100 }, 0, 30)).toBeCloseTo(1 - Math.exp(-0.3), 12);
    expect(failureProbability({ shape: 1, scale: 100 }, 400, 30)).toBeCloseTo(1 - Math.exp(-0.3), 12);
    expect(expectedRemainingDays({ shape: 1, scale: 100 }, 250)).toBeCloseTo(100, 8);
    // New at shape 2: the mean life λ·Γ(1.5) = λ·√π/2.
    expect(expectedRemainingDays({ shape: 2, scale: 100 }, 0)).toBeCloseTo((100 * Math.sqrt(Math.PI)) / 2, 8);
    // Wear-out: the older, the likelier to fail soon and the less life left.
    const wearing = { shape: 3, scale: 200 };
    expect(failureProbability(wearing, 250, 30)).toBeGreaterThan(failureProbability(wearing, 50, 30));
    expect(expectedRemainingDays(wearing, 250)).toBeLessThan(expectedRemainingDays(wearing, 50));
    // Far past the scale, the asymptote λ^k / (k a^(k−1)) (no underflow to zero or NaN).
    expect(expectedRemainingDays({ shape: 3, scale: 100 }, 1000)).toBeCloseTo(1e6 / (3 * 1e6), 3);
  });

  it(`says "too little data" below ${MIN_FAILURES_TO_FIT} failures, and fits an exact sample by the textbook equations`, () => {
    const few = Array.from({ length: MIN_FAILURES_TO_FIT - 1 }, (_, i) => ({ days: 50 + i * 10, failed: true }));
    expect(fitWeibull([...few, { days: 400, failed: false }, { days: 300, failed: false }])).toBeNull();
    const sample = [72, 82, 97, 103, 113, 117, 126, 127, 127, 139, 154, 159, 199, 207].map((days) => ({ days, failed: true }));
    const fit = fitWeibull([...sample, { days: 150, failed: false }, { days: 60, failed: false }])!;
    // The profile equation holds at the fitted shape, and the scale is λ̂(k) = (Σ t^k / r)^(1/k).
    const all = [...sample.map((s) => s.days), 150, 60];
    const weights = all.map((t) => t ** fit.shape);
    const g = weights.reduce((s, w, i) => s + w * Math.log(all[i]!), 0) / weights.reduce((a, b) => a + b, 0)
      - 1 / fit.shape - sample.reduce((s, o) => s + Math.log(o.days), 0) / sample.length;
    expect(Math.abs(g)).toBeLessThan(1e-9);
    expect(fit.scale).toBeCloseTo((weights.reduce((a, b) => a + b, 0) / sample.length) ** (1 / fit.shape), 6);
    expect(fit).toMatchObject({ failures: 14, censored: 2 });
  });

  it(`recovers shape within ${TOLERANCE.shape * 100} % and scale within ${TOLERANCE.scale * 100} % on fleets of known parameters`, () => {
    for (const seed of [1, 2, 3]) {
      for (const result of weibullRecovery({ seed })) {
        expect(result.fitted, `shape ${result.shape}, scale ${result.scale}`).not.toBeNull();
        expect(result.shapeError, `shape ${result.shape}, scale ${result.scale}, seed ${seed}`).toBeLessThan(TOLERANCE.shape);
        expect(result.scaleError, `shape ${result.shape}, scale ${result.scale}, seed ${seed}`).toBeLessThan(TOLERANCE.scale);
      }
    }
  });

  it('predicts the next 30 days better than the category mean interval on held-out history (Brier and log-loss)', () => {
    for (const score of predictionScores({ seed: 7 })) {
      expect(score.failuresInHorizon).toBeGreaterThan(100);
      expect(score.brierModel, `shape ${score.shape}`).toBeLessThan(score.brierBaseline);
      expect(score.logLossModel, `shape ${score.shape}`).toBeLessThan(score.logLossBaseline);
    }
    // Wear-out is where the age matters: there the model must win clearly.
    const [wearOut] = predictionScores({ seed: 7, shapes: [3.5] });
    expect(wearOut!.brierModel).toBeLessThan(0.9 * wearOut!.brierBaseline);
  });
});

describe('the reading trend', () => {
  it('dates a known drift within the stated share of the lead time, outliers and noise notwithstanding', () => {
    let inside = 0, cases = 0;
    for (let seed = 1; seed <= 20; seed++) {
      for (const result of crossingAccuracy({ seed })) {
        expect(result.errorShare, `slope ${result.slopePerDay}, seed ${seed}`).toBeLessThan(TOLERANCE.crossingShareOfLead);
        cases++;
        if (result.insideInterval) inside++;
      }
    }
    // A 90 % interval: most true days fall inside it (not all: it is an interval, not a guarantee).
    expect(inside / cases).toBeGreaterThanOrEqual(0.8);
  });

  it('is robust where least squares is not, and needs enough readings', () => {
    const line = Array.from({ length: 20 }, (_, day) => ({ day, value: 10 + 2 * day }));
    line[5] = { day: 5, value: 1000 }; // one wild reading (a sensor glitch)
    line[12] = { day: 12, value: -500 };
    const trend = fitReadingTrend(line)!;
    expect(trend.slopePerDay).toBeCloseTo(2, 9);
    expect(predictCrossing(trend, { min: null, max: 70 })).toMatchObject({ limit: 'MAX', day: 30 });
    expect(predictCrossing(trend, { min: 0, max: null })).toBeNull(); // rising: never reaches a minimum
    const falling = fitReadingTrend(line.map((r) => ({ day: r.day, value: -r.value })))!;
    expect(predictCrossing(falling, { min: -70, max: 0 })!.limit).toBe('MIN');
    expect(fitReadingTrend(line.slice(0, MIN_TREND_READINGS - 1))).toBeNull();
    expect(fitReadingTrend(line.slice(0, 8).map((r, i) => ({ ...r, day: i / 4 })))).toBeNull(); // two days only
  });
});
