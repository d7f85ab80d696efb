// The availability page (issue 25): per location or category, over the chosen days, the availability of
// the assets in service the reader may see, their hours stopped, failures, MTBF and MTTR, worst first,
// and his whole part of the plant in the last line. Figures come from GET /admin/health/availability.
import { Box, Button, H2, Label, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { adminRoot } from './admin-root.js';

type Figures = { id: number; periodHours: number; downtimeHours: number; unplannedDowntimeHours: number; availability: number; failures: number; mtbfHours: number | null; mttrHours: number | null };
type Report = { rows: (Figures & { name: string })[]; total: Figures | null };

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
// Below the usual 95 % a plant aims for, the bar turns amber; below 90 %, red.
const barColor = (availability: number) => (availability >= 0.95 ? '#2E7D32' : availability >= 0.9 ? '#B7791F' : '#C53030');

const AvailabilityPage: React.FC = () => {
  const { translateMessage, i18n } = useTranslation();
  const language = i18n.language;
  const today = new Date();
  const [form, setForm] = useState({ from: isoDay(new Date(today.getTime() - 29 * 86_400_000)), to: isoDay(today), groupBy: 'location' });
  const [shownBy, setShownBy] = useState(form.groupBy);
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = () => {
    setProblem(null);
    const asked = form.groupBy;
    fetch(`${adminRoot()}/health/availability?${new URLSearchParams(form)}`, { credentials: 'same-origin' })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(body.message);
        setReport(body as Report);
        setShownBy(asked);
      })
      .catch((error: Error) => setProblem(error.message));
  };
  useEffect(load, []);

  const number = (value: number | null) =>
    value === null ? '—' : new Intl.NumberFormat(language, { maximumFractionDigits: 1, useGrouping: 'always' } as Intl.NumberFormatOptions).format(value);
  const percent = (value: number) => new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  const cells = (figures: Figures) => [
    <TableCell key="a">
      <Box flex flexDirection="row" alignItems="center">
        <svg width="80" height="10" aria-hidden="true" style={{ marginRight: 8 }}>
          <rect width="80" height="10" fill="#E6E6EE" rx="2" />
          <rect width={80 * Math.max(0, Math.min(1, figures.availability))} height="10" fill={barColor(figures.availability)} rx="2" />
        </svg>
        {percent(figures.availability)}
      </Box>
    </TableCell>,
    <TableCell key="d">{number(figures.downtimeHours)}</TableCell>,
    <TableCell key="u">{number(figures.unplannedDowntimeHours)}</TableCell>,
    <TableCell key="f">{figures.failures}</TableCell>,
    <TableCell key="b">{number(figures.mtbfHours)}</TableCell>,
    <TableCell key="r">{number(figures.mttrHours)}</TableCell>,
  ];

  return (
    <Box variant="grey" data-testid="availability-page">
      <H2>{translateMessage('availabilityTitle')}</H2>
      <Text mb="lg">{translateMessage('availabilityIntro')}</Text>
      <Box as="form" flex flexDirection="row" alignItems="flex-end" mb="xl" onSubmit={(e: React.FormEvent) => { e.preventDefault(); load(); }}>
        <Box mr="lg">
          <Label htmlFor="availability-from">{translateMessage('availabilityFrom')}</Label>
          <input id="availability-from" type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </Box>
        <Box mr="lg">
          <Label htmlFor="availability-to">{translateMessage('availabilityTo')}</Label>
          <input id="availability-to" type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </Box>
        <Box mr="lg">
          <Label htmlFor="availability-groupBy">{translateMessage('availabilityGroupBy')}</Label>
          <select id="availability-groupBy" value={form.groupBy} onChange={(e) => setForm({ ...form, groupBy: e.target.value })}>
            {['location', 'category'].map((value) => <option key={value} value={value}>{translateMessage(`availabilityGroupBy_${value}`)}</option>)}
          </select>
        </Box>
        <Button type="submit" variant="contained" data-testid="availability-show">{translateMessage('availabilityShow')}</Button>
      </Box>
      {problem && <MessageBox variant="danger" message={problem} mb="lg" />}
      {report && !report.total && <MessageBox variant="info" message={translateMessage('availabilityNone')} />}
      {report?.total && (
        <Box variant="white" p="lg">
          <Table data-testid="availability-table">
            <TableHead>
              <TableRow>
                {[`availabilityName_${shownBy}`, 'availabilityColumn', 'availabilityDowntime', 'availabilityUnplanned', 'availabilityFailures', 'availabilityMtbf', 'availabilityMttr']
                  .map((key) => <TableCell key={key}>{translateMessage(key)}</TableCell>)}
              </TableRow>
            </TableHead>
            <TableBody>
              {report.rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell>{row.name}</TableCell>
                  {cells(row)}
                </TableRow>
              ))}
              <TableRow data-testid="availability-total">
                <TableCell><strong>{translateMessage('availabilityTotal')}</strong></TableCell>
                {cells(report.total)}
              </TableRow>
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
};

export default AvailabilityPage;
