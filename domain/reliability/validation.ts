// The model checked against plants whose answers are known (issue 25: "validated, not asserted"). The
// tests assert the tolerances below; `npm run bench:health` prints the same figures.
import { failureProbability, fitWeibull, type WeibullFit } from './weibull.js';
import { fitReadingTrend, predictCrossing } from './reading-trend.js';
import { driftingReadings, observationsUntil, seededRandom, simulateFleet } from './synthetic.js';

/** Stated tolerances: a fleet of 300 assets over three years recovers shape and scale within these
 * relative errors in every one of the fleets tried; a drift is dated within this share of the lead time. */
export const TOLERANCE = { shape: 0.1, scale: 0.15, crossingShareOfLead: 0.15 } as const;
export const HORIZON_DAYS = 30;

export interface RecoveryCase {
  shape: number;
  scale: number;
  fitted: WeibullFit | null;
  shapeError: number;
  scaleError: number;
}

/** Fleets of known (shape, scale): the relative errors of the fit. */
export function weibullRecovery(options: { seed: number; assets?: number; days?: number; cases?: readonly [number, number][] }): RecoveryCase[] {
  const cases = options.cases ?? [[0.8, 400], [1, 250], [1.5, 300], [2.5, 180], [3.5, 365]];
  return cases.map(([shape, scale], index) => {
    const random = seededRandom(options.seed + index);
    const days = options.days ?? 3 * 365;
    const fleet = simulateFleet(random, { assets: options.assets ?? 300, days, shape, scale });
    const fitted = fitWeibull(observationsUntil(fleet, days));
    return {
      shape, scale, fitted,
      shapeError: fitted ? Math.abs(fitted.shape - shape) / shape : Infinity,
      scaleError: fitted ? Math.abs(fitted.scale - scale) / scale : Infinity,
    };
  });
}

export interface CrossingCase {
  slopePerDay: number;
  trueDay: number;
  predictedDay: number | null;
  earliestDay: number | null;
  latestDay: number | null;
  leadDays: number;
  /** |predicted − true| / lead time. */
  errorShare: number;
  insideInterval: boolean;
}

/** Readings with a known drift (60 daily readings from 50, noise σ = 1, 5 % gross outliers of ±20σ)
 * towards a limit (0 or 100), which it crosses 40 to 110 days after the last reading: the predicted day. */
export function crossingAccuracy(options: { seed: number; slopes?: readonly number[] }): CrossingCase[] {
  const slopes = options.slopes ?? [0.5, 0.25, -0.4, 0.3];
  return slopes.map((slopePerDay, index) => {
    const random = seededRandom(options.seed + index);
    const start = 50, days = 60, noise = 1;
    const limits = { min: 0, max: 100 };
    const limit = slopePerDay > 0 ? limits.max : limits.min;
    const trueDay = (limit - start) / slopePerDay;
    const trend = fitReadingTrend(driftingReadings(random, { days, start, slopePerDay, noise, outlierShare: 0.05 }));
    const crossing = trend && predictCrossing(trend, limits);
    const leadDays = trueDay - (days - 1);
    return {
      slopePerDay, trueDay, leadDays,
      predictedDay: crossing?.day ?? null,
      earliestDay: crossing?.earliestDay ?? null,
      latestDay: crossing?.latestDay ?? null,
      errorShare: crossing ? Math.abs(crossing.day - trueDay) / leadDays : Infinity,
      insideInterval: !!crossing && crossing.earliestDay <= trueDay && (crossing.latestDay === null || trueDay <= crossing.latestDay),
    };
  });
}

export interface PredictionScore {
  shape: number;
  assets: number;
  failuresInHorizon: number;
  brierModel: number;
  brierBaseline: number;
  logLossModel: number;
  logLossBaseline: number;
}

/** Held-out history: fit on the first `trainDays`, predict each asset's failure in the next 30 days from
 * its age, and compare with what the simulation did next. Baseline: the category's mean interval as a
 * constant hazard, P = 1 − exp(−30 / mean interval), the same for every asset. */
export function predictionScores(options: { seed: number; assets?: number; trainDays?: number; shapes?: readonly number[] }): PredictionScore[] {
  const shapes = options.shapes ?? [1.5, 2.5, 3.5];
  const trainDays = options.trainDays ?? 2 * 365;
  return shapes.map((shape, index) => {
    const random = seededRandom(options.seed + 100 + index);
    const fleet = simulateFleet(random, { assets: options.assets ?? 2_000, days: trainDays + HORIZON_DAYS, shape, scale: 200 });
    const observations = observationsUntil(fleet, trainDays);
    const fit = fitWeibull(observations);
    if (!fit) throw new Error('the synthetic fleet has too few failures to fit');
    const intervals = observations.filter((o) => o.failed).map((o) => o.days);
    const meanInterval = intervals.reduce((a, b) => a + b, 0) / intervals.length;
    const baseline = 1 - Math.exp(-HORIZON_DAYS / meanInterval);
    let brierModel = 0, brierBaseline = 0, logModel = 0, logBaseline = 0, assets = 0, failuresInHorizon = 0;
    const clamp = (p: number) => Math.min(1 - 1e-9, Math.max(1e-9, p));
    for (const asset of fleet) {
      const last = asset.failures.filter((day) => day <= trainDays).at(-1);
      if (last === undefined) continue;
      const failed = asset.failures.some((day) => day > trainDays && day <= trainDays + HORIZON_DAYS) ? 1 : 0;
      const p = failureProbability(fit, trainDays - last, HORIZON_DAYS);
      assets++;
      failuresInHorizon += failed;
      brierModel += (p - failed) ** 2;
      brierBaseline += (baseline - failed) ** 2;
      logModel -= failed ? Math.log(clamp(p)) : Math.log(1 - clamp(p));
      logBaseline -= failed ? Math.log(clamp(baseline)) : Math.log(1 - clamp(baseline));
    }
    return { shape, assets, failuresInHorizon, brierModel: brierModel / assets, brierBaseline: brierBaseline / assets, logLossModel: logModel / assets, logLossBaseline: logBaseline / assets };
  });
}
