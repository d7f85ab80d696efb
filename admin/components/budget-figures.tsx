// A budget's lines on its page: monthly bars of budget vs committed vs actual (SVG; a month opens what lies
// behind it: the requisitions committed and the costs posted), then for each line its twelve months and the
// year, budget, committed, actual, available and the share used, in the reader's language, and "Exportar a
// Excel". A line or month spent beyond its budget says so in words ("Sobregiro de 950,00"), in bold, not
// by colour alone.
import { Box, Button, H4, H5, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { adminRoot } from './admin-root.js';
import { BudgetMonthBars, BudgetMonthEntries } from './budget-month-bars.js';

type Figures = { original: number; current: number; committed: number; actual: number; available: number; usedPercent: number | null };
type Line = { lineId: number; account: string; description: string | null; months: Figures[]; total: Figures; overBudget: boolean };
type Budget = { name: string; year: number; costCentre: string; lines: Line[]; total: Figures };

const BudgetFigures: React.FC<ShowPropertyProps> = ({ record }) => {
  const { translateMessage, tl, i18n } = useTranslation();
  const language = i18n.language;
  const [budget, setBudget] = useState<Budget | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [month, setMonth] = useState<number | null>(null);

  useEffect(() => {
    fetch(`${adminRoot()}/budgets/${record?.id}/figures`, { credentials: 'same-origin' })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(body.message);
        setBudget(body as Budget);
      })
      .catch((error: Error) => setProblem(error.message || translateMessage('budgetFiguresFailed')));
  }, [record?.id]);

  if (problem) return <MessageBox variant="danger" message={problem} />;
  if (!budget) return <Text>{translateMessage('budgetFiguresLoading')}</Text>;
  const percent = (value: number) => new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  const money = (value: number) => new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always' } as Intl.NumberFormatOptions).format(value);
  const monthName = (month: number) => new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(budget.year, month, 1)));
  const state = (figures: Figures) =>
    figures.available < 0 ? translateMessage('budgetOverspent', undefined, { amount: money(-figures.available) }) : translateMessage('budgetWithin');
  const row = (label: string, figures: Figures, key: string, bold = false) => {
    const over = figures.available < 0;
    const strong = bold || over;
    const cell = (text: string) => (
      <TableCell>
        <Text fontWeight={strong ? 'bold' : 'normal'} color={over ? 'error' : undefined}>{text}</Text>
      </TableCell>
    );
    return (
      <TableRow key={key} data-testid={over ? 'budget-over' : undefined}>
        {cell(label)}
        {cell(money(figures.current))}
        {cell(money(figures.committed))}
        {cell(money(figures.actual))}
        {cell(money(figures.available))}
        {cell(figures.usedPercent === null ? '—' : `${percent(figures.usedPercent)} %`)}
        {cell(state(figures))}
      </TableRow>
    );
  };

  return (
    <Box mb="xl" data-testid="budget-figures">
      <Box flex flexDirection="row" justifyContent="space-between" alignItems="center">
        <H4>{translateMessage('budgetFiguresTitle', undefined, { year: budget.year })}</H4>
        <Button as="a" variant="outlined" size="sm" href={`${adminRoot()}/budgets/${record?.id}/export.xlsx?language=${language}`} download data-testid="budget-export">
          {translateMessage('budgetExport')}
        </Button>
      </Box>
      <BudgetMonthBars year={budget.year} lines={budget.lines} money={money} monthName={monthName} onMonth={setMonth} selected={month} />
      {month !== null && <BudgetMonthEntries budgetId={Number(record?.id)} year={budget.year} month={month} money={money} monthName={monthName} onClose={() => setMonth(null)} />}
      {budget.lines.length === 0 && <Text>{translateMessage('budgetFiguresNoLines')}</Text>}
      {budget.lines.map((line) => (
        <Box key={line.lineId} mb="lg" data-testid={`budget-line-${line.account}`}>
          <H5>
            {tl(`account.${line.account}`, 'BudgetLine', { defaultValue: line.account })}
            {line.description ? ` · ${line.description}` : ''}
            {line.overBudget ? ` — ${state(line.total)}` : ''}
          </H5>
          <Table>
            <TableHead>
              <TableRow>
                {['budgetColumnMonth', 'budgetColumnBudget', 'budgetColumnCommitted', 'budgetColumnActual', 'budgetColumnAvailable', 'budgetColumnUsed', 'budgetColumnState'].map((key) => (
                  <TableCell key={key}>{translateMessage(key)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {line.months.map((figures, month) => row(monthName(month), figures, `m${month}`))}
              {row(translateMessage('budgetColumnYear'), line.total, 'year', true)}
            </TableBody>
          </Table>
        </Box>
      ))}
    </Box>
  );
};

export default BudgetFigures;
