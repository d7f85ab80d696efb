// An asset's health, 0 to 100 (100: nothing known against it), with the reasons a person reads on its
// page and in "Activos en riesgo". Points are taken off for what threatens the asset, then weighed by how
// much the plant depends on it (criticality), so a critical asset with the same findings ranks first:
//   failure risk            50 × P(failure in the next 30 days)       (0 when there is too little data)
//   overdue preventive      10 per overdue preventive order, at most 30
//   readings out of limits  15 per measurement point in excursion now, at most 30
//   predicted crossings     10 per point predicted to cross a limit within 30 days, at most 20
//   criticality weight      A × 1.0, B × 0.8, C × 0.6
//   score = max(0, 100 − round(weight × sum))
// A plain sum of bounded parts rather than a learned model: each point taken off can be explained.

export interface HealthFindings {
  criticality: string;
  /** P(failure within 30 days), or null for too little data. */
  failureProbability: number | null;
  overduePreventive: number;
  openExcursions: number;
  predictedCrossings: number;
}

export interface HealthReason {
  /** A message key of the locales (healthReason_*). */
  key: string;
  values: Record<string, string | number>;
  /** Points taken off, after the criticality weight. */
  points: number;
}

export const CRITICALITY_WEIGHT: Record<string, number> = { A: 1, B: 0.8, C: 0.6 };

export function healthScore(findings: HealthFindings): { score: number; reasons: HealthReason[] } {
  const weight = CRITICALITY_WEIGHT[findings.criticality] ?? 1;
  const parts: { key: string; values: Record<string, string | number>; raw: number }[] = [
    { key: 'healthReason_risk', values: { percent: Math.round(100 * (findings.failureProbability ?? 0)) }, raw: 50 * (findings.failureProbability ?? 0) },
    { key: 'healthReason_overduePreventive', values: { count: findings.overduePreventive }, raw: Math.min(30, 10 * findings.overduePreventive) },
    { key: 'healthReason_openExcursions', values: { count: findings.openExcursions }, raw: Math.min(30, 15 * findings.openExcursions) },
    { key: 'healthReason_predictedCrossings', values: { count: findings.predictedCrossings }, raw: Math.min(20, 10 * findings.predictedCrossings) },
  ];
  const reasons: HealthReason[] = parts
    .filter((part) => Math.round(weight * part.raw) > 0)
    .map((part) => ({ key: part.key, values: part.values, points: Math.round(weight * part.raw) }))
    .sort((a, b) => b.points - a.points);
  if (findings.failureProbability === null) reasons.push({ key: 'healthReason_tooLittleData', values: {}, points: 0 });
  if (reasons.some((reason) => reason.points > 0)) reasons.push({ key: 'healthReason_criticality', values: { criticality: findings.criticality, weight: weight.toFixed(1) }, points: 0 });
  const taken = Math.round(weight * parts.reduce((sum, part) => sum + part.raw, 0));
  return { score: Math.max(0, 100 - taken), reasons };
}
