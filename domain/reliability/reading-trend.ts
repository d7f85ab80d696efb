// A measurement point's drift: a Theil–Sen line through its recent readings and the day it will cross
// a limit, with an interval.
//   slope b  = median of the slopes (y_j − y_i) / (t_j − t_i) over all pairs with t_i ≠ t_j
//   level a  = median of (y_i − b·t_i)                    (so y = a + b·t; robust to ~29 % outliers)
//   interval = Sen's distribution-free bounds on b (Gilbert 1987, §16.5): with N pairwise slopes sorted
//              and C = z · √(n(n − 1)(2n + 5) / 18), the slopes of rank (N − C)/2 and (N + C)/2 + 1
//              (z = 1.645: 90 %). The line is turned around its median point (t̃, a + b·t̃) to each bound.
//   crossing = t̃ + (limit − y(t̃)) / b for the limit the line heads to (max when rising, min when
//              falling); the steeper bound gives the earliest day, the flatter the latest (none if the
//              flatter bound does not head to the limit at all).
// Times are in days from any origin the caller picks.

export interface TimedValue {
  day: number;
  value: number;
}

export interface ReadingTrend {
  slopePerDay: number;
  slopeLow: number;
  slopeHigh: number;
  /** The line's value at `pivotDay`. */
  pivotDay: number;
  pivotValue: number;
  readings: number;
}

export interface PredictedCrossing {
  limit: 'MAX' | 'MIN';
  day: number;
  earliestDay: number;
  /** null: the flatter bound never reaches the limit. */
  latestDay: number | null;
}

/** A point needs at least this many readings spread over at least this many days for a trend (fewer, or
 * closer together, and a single noisy reading tilts the line: the point says "too little data"). */
export const MIN_TREND_READINGS = 8;
export const MIN_TREND_SPAN_DAYS = 7;
const Z_90 = 1.645;

const median = (sorted: readonly number[]) => {
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ascending = (a: number, b: number) => a - b;

export function fitReadingTrend(values: readonly TimedValue[]): ReadingTrend | null {
  const n = values.length;
  if (n < MIN_TREND_READINGS) return null;
  const days = values.map((v) => v.day);
  if (Math.max(...days) - Math.min(...days) < MIN_TREND_SPAN_DAYS) return null;
  const slopes: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const dt = values[j]!.day - values[i]!.day;
      if (dt !== 0) slopes.push((values[j]!.value - values[i]!.value) / dt);
    }
  slopes.sort(ascending);
  const slope = median(slopes);
  const level = median(values.map((v) => v.value - slope * v.day).sort(ascending));
  const pivotDay = median([...days].sort(ascending));
  const spread = Z_90 * Math.sqrt((n * (n - 1) * (2 * n + 5)) / 18);
  const rank = (r: number) => slopes[Math.min(slopes.length - 1, Math.max(0, Math.round(r) - 1))]!;
  return {
    slopePerDay: slope,
    slopeLow: rank((slopes.length - spread) / 2),
    slopeHigh: rank((slopes.length + spread) / 2 + 1),
    pivotDay,
    pivotValue: level + slope * pivotDay,
    readings: n,
  };
}

export function predictCrossing(trend: ReadingTrend, limits: { min: number | null; max: number | null }): PredictedCrossing | null {
  const rising = trend.slopePerDay > 0;
  const limit = rising ? limits.max : limits.min;
  if (trend.slopePerDay === 0 || limit === null) return null;
  const dayAt = (slope: number) => trend.pivotDay + (limit - trend.pivotValue) / slope;
  const [steeper, flatter] = rising ? [trend.slopeHigh, trend.slopeLow] : [trend.slopeLow, trend.slopeHigh];
  const headsThere = (slope: number) => (rising ? slope > 0 : slope < 0);
  return {
    limit: rising ? 'MAX' : 'MIN',
    day: dayAt(trend.slopePerDay),
    earliestDay: dayAt(steeper),
    latestDay: headsThere(flatter) ? dayAt(flatter) : null,
  };
}
