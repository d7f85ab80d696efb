// The budget page's monthly bars (budget vs committed vs actual, summed over its lines) and the drill-down
// a month opens: the requisitions committed in it and the costs posted to it, each linked to its record.
// Plain SVG like the dashboard's charts; every bar group is a keyboard-reachable button whose name says
// the month's three figures in words, and the legend names each colour.
import { Box, Button, H5, Link, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { adminRoot } from './admin-root.js';

type Figures = { current: number; committed: number; actual: number };
type Line = { months: Figures[] };
const SERIES = [
  { key: 'current', label: 'budgetColumnBudget', color: '#8a8fa3' },
  { key: 'committed', label: 'budgetColumnCommitted', color: '#e0a100' },
  { key: 'actual', label: 'budgetColumnActual', color: '#3040d6' },
] as const;

export const BudgetMonthBars: React.FC<{
  year: number;
  lines: Line[];
  money: (value: number) => string;
  monthName: (index: number) => string;
  onMonth: (month: number) => void;
  selected: number | null;
}> = ({ lines, money, monthName, onMonth, selected }) => {
  const { translateMessage } = useTranslation();
  const months = Array.from({ length: 12 }, (_, index) => ({
    current: lines.reduce((sum, line) => sum + (line.months[index]?.current ?? 0), 0),
    committed: lines.reduce((sum, line) => sum + (line.months[index]?.committed ?? 0), 0),
    actual: lines.reduce((sum, line) => sum + (line.months[index]?.actual ?? 0), 0),
  }));
  const width = 720;
  const height = 220;
  const bottom = 24;
  const top = 16;
  const group = width / 12;
  const bar = (group - 12) / 3;
  const max = Math.max(1, ...months.flatMap((m) => [m.current, m.committed, m.actual]));
  const h = (value: number) => (Math.max(0, value) / max) * (height - top - bottom);
  const title = translateMessage('budgetChartTitle');

  return (
    <Box variant="white" p="lg" mb="lg" data-testid="budget-chart">
      <H5>{title}</H5>
      <Text fontSize="sm" mb="sm">{translateMessage('budgetChartHint')}</Text>
      <svg width="100%" viewBox={`0 0 ${width} ${height}`} role="group" aria-label={title}>
        <line x1={0} y1={height - bottom} x2={width} y2={height - bottom} stroke="#c0c0ca" />
        {months.map((figures, index) => {
          const label = translateMessage('budgetChartMonth', undefined, {
            month: monthName(index), budget: money(figures.current), committed: money(figures.committed), actual: money(figures.actual),
          });
          const open = () => onMonth(index + 1);
          return (
            <g
              key={index}
              role="button"
              tabIndex={0}
              aria-label={label}
              aria-pressed={selected === index + 1}
              data-testid={`budget-chart-month-${index + 1}`}
              style={{ cursor: 'pointer' }}
              onClick={open}
              onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && (event.preventDefault(), open())}
            >
              <title>{label}</title>
              <rect x={index * group} y={0} width={group} height={height} fill={selected === index + 1 ? '#eef0fb' : 'transparent'} />
              {SERIES.map((series, s) => (
                <rect key={series.key} x={index * group + 6 + s * bar} y={height - bottom - h(figures[series.key])} width={bar - 1} height={h(figures[series.key])} fill={series.color} />
              ))}
              <text x={index * group + group / 2} y={height - 8} fontSize="11" textAnchor="middle" fill="#454655">{monthName(index).slice(0, 3)}</text>
            </g>
          );
        })}
      </svg>
      <Box flex flexDirection="row" style={{ gap: 16 }}>
        {SERIES.map((series) => (
          <Text key={series.key} fontSize="sm"><span style={{ color: series.color }}>■</span> {translateMessage(series.label)}</Text>
        ))}
      </Box>
    </Box>
  );
};

type Entries = {
  requisitions: { id: number; number: string; title: string; account: string; committed: number; approvedAt: string | null }[];
  actuals: { id: number; account: string; source: string; amount: number; postedAt: string; workOrder: { id: number; number: string } | null; requisition: { id: number; number: string } | null }[];
};

export const BudgetMonthEntries: React.FC<{
  budgetId: number;
  year: number;
  month: number;
  money: (value: number) => string;
  monthName: (index: number) => string;
  onClose: () => void;
}> = ({ budgetId, year, month, money, monthName, onClose }) => {
  const { translateMessage, tl, i18n } = useTranslation();
  const [entries, setEntries] = useState<Entries | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setEntries(null);
    fetch(`${adminRoot()}/budgets/${budgetId}/months/${month}/entries`, { credentials: 'same-origin' })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(body.message);
        setEntries(body as Entries);
      })
      .catch((error: Error) => setProblem(error.message));
  }, [budgetId, month]);
  const date = (value: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short' }).format(new Date(value));
  const account = (code: string) => tl(`account.${code}`, 'BudgetLine', { defaultValue: code });
  const record = (resource: string, id: number, text: string) => <Link href={`${adminRoot()}/resources/${resource}/records/${id}/show`}>{text}</Link>;
  const head = (keys: string[]) => (
    <TableHead><TableRow>{keys.map((key) => <TableCell key={key}>{translateMessage(key)}</TableCell>)}</TableRow></TableHead>
  );

  return (
    <Box variant="white" p="lg" mb="lg" data-testid="budget-month-entries">
      <Box flex flexDirection="row" justifyContent="space-between" alignItems="center">
        <H5>{translateMessage('budgetEntriesTitle', undefined, { month: monthName(month - 1), year })}</H5>
        <Button variant="text" size="sm" type="button" onClick={onClose}>{translateMessage('budgetEntriesClose')}</Button>
      </Box>
      {problem && <Text color="error">{problem}</Text>}
      {!problem && !entries && <Text>{translateMessage('budgetEntriesLoading')}</Text>}
      {entries && entries.requisitions.length === 0 && entries.actuals.length === 0 && <Text>{translateMessage('budgetEntriesNone')}</Text>}
      {entries && entries.requisitions.length > 0 && (
        <Box mb="lg" data-testid="budget-month-requisitions">
          <Text fontWeight="bold" mb="sm">{translateMessage('budgetEntriesRequisitions')}</Text>
          <Table>
            {head(['budgetEntryRequisition', 'budgetColumnLine', 'budgetEntryDate', 'budgetEntryCommitted'])}
            <TableBody>
              {entries.requisitions.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{record('Requisition', r.id, `${r.number} · ${r.title}`)}</TableCell>
                  <TableCell>{account(r.account)}</TableCell>
                  <TableCell>{r.approvedAt ? date(r.approvedAt) : '—'}</TableCell>
                  <TableCell>{money(r.committed)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {entries && entries.actuals.length > 0 && (
        <Box data-testid="budget-month-actuals">
          <Text fontWeight="bold" mb="sm">{translateMessage('budgetEntriesActuals')}</Text>
          <Table>
            {head(['budgetEntrySource', 'budgetColumnLine', 'budgetEntryOrder', 'budgetEntryRequisition', 'budgetEntryDate', 'budgetEntryAmount'])}
            <TableBody>
              {entries.actuals.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>{tl(`source.${a.source}`, 'BudgetActual', { defaultValue: a.source })}</TableCell>
                  <TableCell>{account(a.account)}</TableCell>
                  <TableCell>{a.workOrder ? record('WorkOrder', a.workOrder.id, a.workOrder.number) : '—'}</TableCell>
                  <TableCell>{a.requisition ? record('Requisition', a.requisition.id, a.requisition.number) : '—'}</TableCell>
                  <TableCell>{date(a.postedAt)}</TableCell>
                  <TableCell>{money(a.amount)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
};
