// Figures of the load benchmark: percentiles, the machine's load beside every figure, and the table of
// targets with their ratios.
import os from 'node:os';
import type { Sample } from './load-session.js';

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (values: number[]) => percentile(values, 50);

export function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(' / ');
}

export interface LatencyFigures { requests: number; errors: number; p50: number; p95: number; p99: number; max: number; perSecond: number }

export function latencyOf(samples: Sample[], seconds: number): LatencyFigures {
  const timed = samples.filter((s) => s.ms > 0);
  const ms = timed.map((s) => s.ms);
  return {
    requests: timed.length,
    errors: samples.filter((s) => s.status === 0 || s.status >= 400).length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: ms.length ? Math.max(...ms) : NaN,
    perSecond: timed.length / seconds,
  };
}

/** The slowest kinds of request by p95, and where errors came from. */
export function byKind(samples: Sample[]): string[] {
  const groups = new Map<string, Sample[]>();
  for (const s of samples) groups.set(s.kind, [...(groups.get(s.kind) ?? []), s]);
  return [...groups]
    .map(([kind, list]) => ({ kind, n: list.length, p50: percentile(list.filter((s) => s.ms > 0).map((s) => s.ms), 50), p95: percentile(list.filter((s) => s.ms > 0).map((s) => s.ms), 95), errors: list.filter((s) => s.status === 0 || s.status >= 400).map((s) => s.status) }))
    .sort((a, b) => (b.p95 || 0) - (a.p95 || 0))
    .map((k) => `    ${k.kind.padEnd(34)} ${String(k.n).padStart(6)}  p50 ${fmtMs(k.p50).padStart(8)}  p95 ${fmtMs(k.p95).padStart(8)}${k.errors.length ? `  errors ${k.errors.length} (${[...new Set(k.errors)].join(', ')})` : ''}`);
}

export const fmtMs = (ms: number) => (Number.isNaN(ms) ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/** "met"/"NOT met" with the ratio figure/target (below 1 is better for times, above for throughput). */
export function against(value: number, target: number, better: 'lower' | 'higher'): string {
  const ratio = value / target;
  const met = better === 'lower' ? value <= target : value >= target;
  return `${ratio.toFixed(2)}x of target: ${met ? 'met' : 'NOT met'}`;
}
