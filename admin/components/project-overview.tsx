// A project's page: its figures (progress weighted by the tasks' durations, orders open/done, cost so far)
// and a simple Gantt drawn in SVG: one bar per task between its dates, filled to its progress, an arrow
// from each task it waits for, and today's line (the plant's day). Data from GET /admin/projects/:id/figures.
import { Box, H4, MessageBox, Text } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { adminRoot } from './admin-root.js';

type Task = { id: number; name: string; startsOn: string; endsOn: string; progress: number; assignee: string | null; waitsFor: number[] };
type Figures = {
  startsOn: string; endsOn: string; today: string; tasks: Task[]; progressPercent: number | null;
  orders: { open: number; done: number; cancelled: number };
  cost: { labour: number; materials: number; requisitions: number; total: number } | null;
};

const DAY = 86_400_000;
const LABEL = 200;
const ROW = 28;
const WIDTH = 900;
const PERCENT = 56;
const time = (day: string) => new Date(`${day}T00:00:00Z`).getTime();

const ProjectOverview: React.FC<ShowPropertyProps> = ({ record }) => {
  const { translateMessage, i18n } = useTranslation();
  const language = i18n.language;
  const [figures, setFigures] = useState<Figures | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const t = (key: string, values?: Record<string, string | number>) => translateMessage(key, undefined, values);

  useEffect(() => {
    fetch(`${adminRoot()}/projects/${record?.id}/figures`, { credentials: 'same-origin' })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(body.message);
        setFigures(body as Figures);
      })
      .catch((error: Error) => setProblem(error.message || t('projectFiguresFailed')));
  }, [record?.id]);

  if (problem) return <MessageBox variant="danger" message={problem} />;
  if (!figures) return <Text>{t('projectFiguresLoading')}</Text>;

  const money = (value: number) => new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always' } as Intl.NumberFormatOptions).format(value);
  const percent = (value: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
  const date = (day: string) => new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(time(day)));

  // The chart spans the project and every task, and today when it falls near.
  const days = [figures.startsOn, figures.endsOn, ...figures.tasks.flatMap((task) => [task.startsOn, task.endsOn])].map(time);
  const from = Math.min(...days);
  const to = Math.max(...days) + DAY;
  // The bars between the names (left) and the progress column (right).
  const x = (moment: number) => LABEL + ((moment - from) / (to - from)) * (WIDTH - LABEL - PERCENT);
  const row = new Map(figures.tasks.map((task, index) => [task.id, index]));
  const height = 30 + figures.tasks.length * ROW;
  const today = time(figures.today);
  const todayShown = today >= from && today <= to;

  return (
    <Box mb="xl" data-testid="project-overview">
      <H4>{t('projectFiguresTitle')}</H4>
      <Box flex flexDirection="row" style={{ gap: 32, flexWrap: 'wrap' }} mb="lg">
        <Text data-testid="project-progress">
          {t('projectProgress')}: <strong>{figures.progressPercent === null ? t('projectNoTasks') : `${percent(figures.progressPercent)} %`}</strong>
        </Text>
        <Text data-testid="project-orders">
          {t('projectOrders', { open: figures.orders.open, done: figures.orders.done, cancelled: figures.orders.cancelled })}
        </Text>
        {figures.cost && (
          <Text data-testid="project-cost">
            {t('projectCost', { total: money(figures.cost.total), labour: money(figures.cost.labour), materials: money(figures.cost.materials), requisitions: money(figures.cost.requisitions) })}
          </Text>
        )}
      </Box>
      {figures.tasks.length === 0 ? (
        <Text>{t('projectGanttEmpty')}</Text>
      ) : (
        <svg role="img" aria-label={t('projectGanttTitle')} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH, fontFamily: 'inherit' }} data-testid="project-gantt">
          <defs>
            <marker id="gantt-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#555" />
            </marker>
          </defs>
          <text x={LABEL} y={14} fontSize={11} fill="#555">{date(new Date(from).toISOString().slice(0, 10))}</text>
          <text x={WIDTH - PERCENT} y={14} fontSize={11} fill="#555" textAnchor="end">{date(new Date(to - DAY).toISOString().slice(0, 10))}</text>
          {figures.tasks.map((task, index) => {
            const top = 24 + index * ROW;
            const left = x(time(task.startsOn));
            const width = Math.max(4, x(time(task.endsOn) + DAY) - left);
            const label = t('projectGanttTask', { name: task.name, from: date(task.startsOn), to: date(task.endsOn), progress: task.progress });
            return (
              <g key={task.id} data-testid="gantt-task" data-task={task.name}>
                <title>{label}</title>
                <text x={4} y={top + 15} fontSize={12}>{task.name.length > 28 ? `${task.name.slice(0, 27)}…` : task.name}</text>
                <rect x={left} y={top + 3} width={width} height={ROW - 10} rx={3} fill="#c9d7f2" stroke="#3b5ba9" />
                <rect x={left} y={top + 3} width={(width * task.progress) / 100} height={ROW - 10} rx={3} fill="#3b5ba9" />
                <text x={WIDTH - 4} y={top + 15} fontSize={11} fill="#333" textAnchor="end">{task.progress} %</text>
              </g>
            );
          })}
          {figures.tasks.flatMap((task) =>
            task.waitsFor.filter((id) => row.has(id)).map((id) => {
              const before = figures.tasks[row.get(id)!]!;
              const fromX = x(time(before.endsOn) + DAY);
              const fromY = 24 + row.get(id)! * ROW + ROW / 2 - 1;
              const toX = x(time(task.startsOn));
              const toY = 24 + row.get(task.id)! * ROW + ROW / 2 - 1;
              return (
                <path key={`${id}-${task.id}`} data-testid="gantt-dependency" d={`M ${fromX} ${fromY} L ${fromX + 6} ${fromY} L ${fromX + 6} ${toY} L ${toX} ${toY}`}
                  fill="none" stroke="#555" strokeWidth={1.2} markerEnd="url(#gantt-arrow)" />
              );
            }),
          )}
          {todayShown && (
            <g data-testid="gantt-today">
              <line x1={x(today)} x2={x(today)} y1={18} y2={height} stroke="#c0392b" strokeDasharray="4 3" />
              <text x={x(today) + 3} y={height - 4} fontSize={11} fill="#c0392b">{t('projectToday')}</text>
            </g>
          )}
        </svg>
      )}
    </Box>
  );
};

export default ProjectOverview;
