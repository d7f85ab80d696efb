// "Salud del activo" on an asset's page: its health score, 30-day failure risk and the reasons, the last
// year's availability, MTBF, MTTR, failures by code, cost and preventive share, its recent stops, and each
// measurement point's readings of the last 90 days drawn as an SVG chart with its limits, the trend line
// and the predicted crossing (the day, and the interval as a band). Words say what colours show.
import { Box, H4, H5, MessageBox, Table, TableBody, TableCell, TableRow, Text } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { adminRoot } from './admin-root.js';
import { formatDate, formatNumber } from './plant-format.js';
import { ReasonList } from './health-reasons.js';

type Reason = { key: string; values: Record<string, string>; points: number };
type Trend = { state: string; slopePerDay: number | null; pivotAt: string | null; pivotValue: number | null; limitSide: string | null;
  predictedCrossingAt: string | null; earliestCrossingAt: string | null; latestCrossingAt: string | null };
type Point = { id: number; code: string; variable: string; unit: string; min: number | null; max: number | null; readings: { at: string; value: number }[]; trend: Trend | null };
type Count = { name: string; count: number };
type Panel = {
  minFailures: number;
  health: { assessedOn: string; score: number; riskState: string; failureProbability: number | null; expectedRemainingDays: number | null; reasons: Reason[] } | null;
  figures: { availability: number; mtbfHours: number | null; mttrHours: number | null; failures: number; cost: { total: number }; preventiveShare: number | null;
    byProblem: Count[]; byCause: Count[]; byRemedy: Count[] } | null;
  downtime: { id: number; startedAt: string; endedAt: string | null; planned: boolean; reason: string; hours: number }[];
  points: Point[];
};

const DAY_MS = 86_400_000;

const AssetHealthPanel: React.FC<ShowPropertyProps> = ({ record }) => {
  const { translateMessage: tm, translateLabel, translateProperty, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'es';
  const [panel, setPanel] = useState<Panel | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    fetch(`${adminRoot()}/health/assets/${record?.id}`, { credentials: 'same-origin' })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(body.message);
        setPanel(body as Panel);
      })
      .catch((error: Error) => setProblem(error.message));
  }, [record?.id]);
  if (problem) return <MessageBox variant="danger" message={problem} />;
  if (!panel) return null;

  const number = (value: number, digits = 1) => new Intl.NumberFormat(language, { maximumFractionDigits: digits, useGrouping: 'always' } as Intl.NumberFormatOptions).format(value);
  const hours = (value: number | null) => (value === null ? tm('healthPanelNone') : tm('healthPanelHours', undefined, { hours: number(value) }));
  const day = (iso: string | null) => (iso ? formatDate(iso, 'date', language) : tm('healthPanelNone'));
  const { health, figures } = panel;
  // Closed values read as plant-format reads them: the label `<field>.<value>` of the resource.
  const reasonLabel = (value: string) => translateLabel(`reason.${value}`, 'DowntimeEvent', { defaultValue: value });

  return (
    <Box mb="xl" data-testid="asset-health-panel">
      <H4>{tm('healthPanelTitle')}</H4>
      {!health ? <Text mb="lg">{tm('healthPanelNotAssessed')}</Text> : (
        <Box mb="lg" data-testid="asset-health-score">
          <Text fontSize="xl" fontWeight="bold">{tm('healthPanelScore')}: {health.score} / 100</Text>
          {health.riskState === 'TOO_LITTLE_DATA'
            ? <Text data-testid="asset-health-too-little-data">{tm('healthPanelTooLittleData', undefined, { failures: String(panel.minFailures) })}</Text>
            : (
              <Text data-testid="asset-health-risk">
                {tm('healthPanelRisk')}: {number(100 * (health.failureProbability ?? 0))} % · {tm('healthPanelRemaining')}: {tm('healthPanelDays', undefined, { days: number(health.expectedRemainingDays ?? 0, 0) })}
              </Text>
            )}
          <ReasonList reasons={health.reasons} />
        </Box>
      )}
      {figures && (
        <Box mb="lg" data-testid="asset-health-figures">
          <H5>{tm('healthPanelFigures')}</H5>
          <Table>
            <TableBody>
              {([
                ['availability', tm('healthPanelAvailability'), `${number(100 * figures.availability, 2)} %`],
                ['mtbf', tm('healthPanelMtbf'), hours(figures.mtbfHours)],
                ['mttr', tm('healthPanelMttr'), hours(figures.mttrHours)],
                ['failures', tm('healthPanelFailures'), number(figures.failures, 0)],
                ['cost', tm('healthPanelCost'), new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always' } as Intl.NumberFormatOptions).format(figures.cost.total)],
                ['preventive', tm('healthPanelPreventiveShare'), figures.preventiveShare === null ? tm('healthPanelNone') : `${number(100 * figures.preventiveShare)} %`],
                ['problem', tm('healthPanelByProblem'), figures.byProblem.map((c) => `${c.name} (${c.count})`).join(', ') || tm('healthPanelNone')],
                ['cause', tm('healthPanelByCause'), figures.byCause.map((c) => `${c.name} (${c.count})`).join(', ') || tm('healthPanelNone')],
                ['remedy', tm('healthPanelByRemedy'), figures.byRemedy.map((c) => `${c.name} (${c.count})`).join(', ') || tm('healthPanelNone')],
              ] as const).map(([key, label, value]) => (
                <TableRow key={key} data-testid={`asset-health-${key}`}>
                  <TableCell>{label}</TableCell>
                  <TableCell style={{ textAlign: 'right' }}>{value}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <Box mb="lg" data-testid="asset-health-downtime">
        <H5>{tm('healthPanelDowntime')}</H5>
        {panel.downtime.length === 0 ? <Text>{tm('healthPanelNoDowntime')}</Text> : (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {panel.downtime.map((stop) => (
              <li key={stop.id}>
                {formatDate(stop.startedAt, 'datetime', language)} → {stop.endedAt ? formatDate(stop.endedAt, 'datetime', language) : tm('healthPanelOpenStop')}
                {' · '}{hours(stop.hours)} · {reasonLabel(stop.reason)}{stop.planned ? ` · ${translateProperty('planned', 'DowntimeEvent')}` : ''}
              </li>
            ))}
          </ul>
        )}
      </Box>
      <H5>{tm('healthPanelReadings')}</H5>
      {panel.points.every((point) => point.readings.length === 0) && <Text>{tm('healthPanelNoReadings')}</Text>}
      {panel.points.filter((point) => point.readings.length > 0).map((point) => <ReadingChart key={point.id} point={point} language={language} day={day} />)}
    </Box>
  );
};

const ReadingChart: React.FC<{ point: Point; language: string; day: (iso: string | null) => string }> = ({ point, language, day }) => {
  const { translateMessage: tm } = useTranslation();
  const width = 640, height = 210, left = 56, right = 12, top = 14, bottom = 32;
  const times = point.readings.map((r) => Date.parse(r.at));
  const now = Date.now();
  const crossing = point.trend?.predictedCrossingAt ? Date.parse(point.trend.predictedCrossingAt) : null;
  const latest = point.trend?.latestCrossingAt ? Date.parse(point.trend.latestCrossingAt) : null;
  const start = Math.min(...times, now - 90 * DAY_MS);
  // The chart reaches the predicted crossing (and its interval) when it is within four months.
  const end = Math.max(now, Math.min(Math.max(crossing ?? 0, latest ?? 0), now + 120 * DAY_MS));
  const trendAt = (t: number) => (point.trend?.slopePerDay != null && point.trend.pivotAt && point.trend.pivotValue != null
    ? point.trend.pivotValue + point.trend.slopePerDay * ((t - Date.parse(point.trend.pivotAt)) / DAY_MS) : null);
  const trendEnd = crossing !== null && crossing <= end ? crossing : end;
  const values = [...point.readings.map((r) => r.value), point.min, point.max, trendAt(times[0]!), trendAt(trendEnd)].filter((v): v is number => v !== null && Number.isFinite(v));
  let low = Math.min(...values), high = Math.max(...values);
  if (high === low) { high += 1; low -= 1; }
  const pad = (high - low) * 0.08;
  low -= pad; high += pad;
  const x = (t: number) => left + ((t - start) / (end - start)) * (width - left - right);
  const y = (v: number) => top + (1 - (v - low) / (high - low)) * (height - top - bottom);
  const line = point.readings.map((r, i) => `${x(times[i]!).toFixed(1)},${y(r.value).toFixed(1)}`).join(' ');
  const earliest = point.trend?.earliestCrossingAt ? Date.parse(point.trend.earliestCrossingAt) : null;
  const title = tm('healthPanelChartLabel', undefined, { point: `${point.code} · ${point.variable}` });
  const ticks = [low + pad, (low + high) / 2, high - pad];
  return (
    <Box mb="lg" data-testid={`reading-chart-${point.code}`}>
      <Text fontWeight="bold">{point.code} · {point.variable} ({point.unit})</Text>
      <svg width="100%" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <title>{title}</title>
        {earliest !== null && crossing !== null && earliest <= end && (
          <rect data-testid="crossing-interval" x={x(Math.max(start, earliest))} y={top} width={Math.max(1, x(Math.min(end, latest ?? end)) - x(Math.max(start, earliest)))} height={height - top - bottom} fill="#f0ad4e" opacity={0.2} />
        )}
        {ticks.map((v) => (
          <text key={v} x={left - 6} y={y(v) + 4} fontSize="10" textAnchor="end" fill="#666">{formatNumber(Number(v.toPrecision(4)), language)}</text>
        ))}
        <line x1={left} y1={height - bottom} x2={width - right} y2={height - bottom} stroke="#999" />
        <text x={left} y={height - 8} fontSize="10" fill="#666">{day(new Date(start).toISOString())}</text>
        <text x={width - right} y={height - 8} fontSize="10" fill="#666" textAnchor="end">{day(new Date(end).toISOString())}</text>
        {[['max', point.max], ['min', point.min]].filter(([, v]) => v !== null).map(([side, v]) => (
          <g key={side as string} data-testid={`limit-${side}`}>
            <line x1={left} x2={width - right} y1={y(v as number)} y2={y(v as number)} stroke="#c9302c" strokeDasharray="6 4" />
            <text x={width - right - 2} y={y(v as number) - 3} fontSize="10" textAnchor="end" fill="#c9302c">{tm('healthPanelLimit')} {formatNumber(v as number, language)}</text>
          </g>
        ))}
        <polyline data-testid="readings-line" points={line} fill="none" stroke="#337ab7" strokeWidth="1.5" />
        {point.readings.map((r, i) => <circle key={r.at} cx={x(times[i]!)} cy={y(r.value)} r="2" fill="#337ab7" />)}
        {trendAt(times[0]!) !== null && (
          <line data-testid="trend-line" x1={x(times[0]!)} y1={y(trendAt(times[0]!)!)} x2={x(trendEnd)} y2={y(trendAt(trendEnd)!)} stroke="#5cb85c" strokeWidth="1.5" strokeDasharray="3 3" />
        )}
        {crossing !== null && crossing <= end && (
          <line data-testid="crossing-marker" x1={x(crossing)} x2={x(crossing)} y1={top} y2={height - bottom} stroke="#f0ad4e" strokeWidth="2" />
        )}
      </svg>
      {point.trend?.predictedCrossingAt && (
        <Text data-testid={`crossing-text-${point.code}`}>
          {point.trend.latestCrossingAt
            ? tm('healthPanelCrossing', undefined, { date: day(point.trend.predictedCrossingAt), earliest: day(point.trend.earliestCrossingAt), latest: day(point.trend.latestCrossingAt) })
            : tm('healthPanelCrossingOpenEnded', undefined, { date: day(point.trend.predictedCrossingAt), earliest: day(point.trend.earliestCrossingAt) })}
        </Text>
      )}
    </Box>
  );
};

export default AssetHealthPanel;
