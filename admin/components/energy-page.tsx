// The energy page (issue 25): the consumption of the energy meters the reader may see, per period and per
// asset, location, category or site, as a bar chart per carrier and unit and a table; and each site's
// energy intensity (consumption per MWh produced). Figures come from GET /admin/energy/report.
import { Box, Button, H2, H5, Label, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { adminRoot } from './admin-root.js';

type Row = { period: string; groupId: number | null; groupName: string; carrier: string; unit: string; consumption: number; resets: number; rollovers: number };
type Intensity = { month: string; site: string; producedMwh: number; carrier: string; unit: string; consumption: number; perMwh: number | null };
type Report = { meters: number; rows: Row[]; intensity: Intensity[] };

// Hand-drawn like the dashboard's charts (AdminJS bundles each registered component alone).
const BAR_COLOR = '#3040D6';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

const ConsumptionChart: React.FC<{ title: string; bars: { label: string; value: number }[]; format: (value: number) => string }> = ({ title, bars, format }) => {
  const width = 640;
  const height = 200;
  const pad = 28;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = (width - 2 * pad) / Math.max(1, bars.length);
  return (
    <Box variant="white" p="lg" mb="lg" data-testid="energy-chart">
      <H5>{title}</H5>
      <svg width="100%" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} stroke="#c0c0ca" />
        <text x={4} y={14} fontSize="10" fill="#454655">{format(max)}</text>
        {bars.map((bar, i) => {
          const h = (bar.value / max) * (height - 2 * pad);
          return (
            <g key={bar.label}>
              <rect x={pad + i * slot + slot * 0.15} y={height - pad - h} width={slot * 0.7} height={h} fill={BAR_COLOR} rx="2">
                <title>{`${bar.label}: ${format(bar.value)}`}</title>
              </rect>
              {(bars.length <= 12 || i % Math.ceil(bars.length / 12) === 0) && (
                <text x={pad + i * slot + slot / 2} y={height - 10} fontSize="10" fill="#454655" textAnchor="middle">{bar.label}</text>
              )}
            </g>
          );
        })}
      </svg>
    </Box>
  );
};

const EnergyPage: React.FC = () => {
  const { translateMessage, translateLabel, translateProperty, i18n } = useTranslation();
  const language = i18n.language;
  const today = new Date();
  const [form, setForm] = useState({ from: isoDay(new Date(today.getTime() - 30 * 86_400_000)), to: isoDay(today), period: 'day', groupBy: 'asset' });
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = () => {
    setProblem(null);
    fetch(`${adminRoot()}/energy/report?${new URLSearchParams(form)}`, { credentials: 'same-origin' })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(body.message);
        setReport(body as Report);
      })
      .catch((error: Error) => setProblem(error.message));
  };
  useEffect(load, []);

  const number = (value: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 2, useGrouping: 'always' } as Intl.NumberFormatOptions).format(value);
  const carrier = (code: string) => translateLabel(`energyCarrier.${code}`, 'MeasurementPoint', { defaultValue: code }) as string;
  const periodLabel = (period: string) => {
    const date = new Date(`${period}T00:00:00Z`);
    if (form.period === 'month') return new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
    return new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(date);
  };
  const select = (name: 'period' | 'groupBy', values: string[]) => (
    <Box mr="lg">
      <Label htmlFor={`energy-${name}`}>{translateMessage(name === 'period' ? 'energyPeriod' : 'energyGroupBy')}</Label>
      <select id={`energy-${name}`} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })}>
        {values.map((value) => <option key={value} value={value}>{translateMessage(`energy${name === 'period' ? 'Period' : 'GroupBy'}_${value}`)}</option>)}
      </select>
    </Box>
  );

  // One chart per carrier and unit: the period's total over every group.
  const series = new Map<string, { title: string; unit: string; totals: Map<string, number> }>();
  const groups = new Map<string, { name: string; carrier: string; unit: string; total: number; resets: number; rollovers: number }>();
  for (const row of report?.rows ?? []) {
    const key = `${row.carrier}|${row.unit}`;
    const chart = series.get(key) ?? { title: `${carrier(row.carrier)} (${row.unit})`, unit: row.unit, totals: new Map() };
    chart.totals.set(row.period, (chart.totals.get(row.period) ?? 0) + row.consumption);
    series.set(key, chart);
    const groupKey = `${row.groupId}|${key}`;
    const group = groups.get(groupKey) ?? { name: row.groupName, carrier: row.carrier, unit: row.unit, total: 0, resets: 0, rollovers: 0 };
    group.total += row.consumption;
    group.resets += row.resets;
    group.rollovers += row.rollovers;
    groups.set(groupKey, group);
  }

  return (
    <Box variant="grey" data-testid="energy-page">
      <H2>{translateMessage('energyTitle')}</H2>
      <Text mb="lg">{translateMessage('energyIntro')}</Text>
      <Box as="form" flex flexDirection="row" alignItems="flex-end" mb="xl" onSubmit={(e: React.FormEvent) => { e.preventDefault(); load(); }}>
        <Box mr="lg">
          <Label htmlFor="energy-from">{translateMessage('energyFrom')}</Label>
          <input id="energy-from" type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </Box>
        <Box mr="lg">
          <Label htmlFor="energy-to">{translateMessage('energyTo')}</Label>
          <input id="energy-to" type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </Box>
        {select('period', ['day', 'week', 'month'])}
        {select('groupBy', ['asset', 'location', 'category', 'site'])}
        <Button type="submit" variant="contained" data-testid="energy-show">{translateMessage('energyShow')}</Button>
      </Box>
      {problem && <MessageBox variant="danger" message={problem} mb="lg" />}
      {report && report.meters === 0 && <MessageBox variant="info" message={translateMessage('energyNoMeters')} />}
      {report && report.meters > 0 && report.rows.length === 0 && <Text>{translateMessage('energyNoConsumption')}</Text>}
      {[...series.values()].map((chart) => (
        <ConsumptionChart key={chart.title} title={chart.title} format={(v) => `${number(v)} ${chart.unit}`}
          bars={[...chart.totals].map(([period, value]) => ({ label: periodLabel(period), value }))} />
      ))}
      {groups.size > 0 && (
        <Box variant="white" p="lg" mb="lg">
          <Table data-testid="energy-table">
            <TableHead>
              <TableRow>
                <TableCell>{translateMessage(`energyGroupBy_${form.groupBy}`)}</TableCell>
                <TableCell>{translateProperty('energyCarrier', 'MeasurementPoint')}</TableCell>
                <TableCell>{translateMessage('energyTotal')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {[...groups.values()].map((group) => (
                <TableRow key={`${group.name}|${group.carrier}|${group.unit}`}>
                  <TableCell>{group.name}</TableCell>
                  <TableCell>{carrier(group.carrier)}</TableCell>
                  <TableCell>{`${number(group.total)} ${group.unit}`}</TableCell>
                  <TableCell>
                    {[group.resets > 0 && translateMessage('energyResets', undefined, { count: group.resets }), group.rollovers > 0 && translateMessage('energyRollovers', undefined, { count: group.rollovers })].filter(Boolean).join(' · ')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {report && report.meters > 0 && (
        <Box variant="white" p="lg" data-testid="energy-intensity">
          <H5>{translateMessage('energyIntensityTitle')}</H5>
          <Text mb="md">{translateMessage('energyIntensityIntro')}</Text>
          {report.intensity.length === 0 ? <Text>{translateMessage('energyIntensityNone')}</Text> : (
            <Table>
              <TableHead>
                <TableRow>
                  {['energyMonth', 'energySite', 'energyProduced', 'energyConsumed', 'energyIntensity'].map((key) => <TableCell key={key}>{translateMessage(key)}</TableCell>)}
                </TableRow>
              </TableHead>
              <TableBody>
                {report.intensity.map((row) => (
                  <TableRow key={`${row.month}|${row.site}|${row.carrier}|${row.unit}`}>
                    <TableCell>{new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${row.month}T00:00:00Z`))}</TableCell>
                    <TableCell>{row.site}</TableCell>
                    <TableCell>{`${number(row.producedMwh)} MWh`}</TableCell>
                    <TableCell>{`${number(row.consumption)} ${row.unit} · ${carrier(row.carrier)}`}</TableCell>
                    <TableCell>{row.perMwh === null ? '—' : `${number(row.perMwh)} ${row.unit}/MWh`}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Box>
      )}
    </Box>
  );
};

export default EnergyPage;
