// The home page: who is signed in, in which groups, and the state of the plant's back office. A technician
// lands on his day first: "Mis órdenes de hoy", cards that fit a phone, with buttons to open, start and
// complete (each through the order's own action: the same rules, POST and CSRF as on its page).
import { Badge, Box, Button, H2, H3, H5, Label, MessageBox, Text, TextArea } from '@adminjs/design-system';
import { ApiClient, useCurrentAdmin, useNotice, useTranslation, ViewHelpers } from 'adminjs';
import { useNavigate } from 'react-router';
import React, { useEffect, useState } from 'react';
import { adminRoot, useFileUpload } from './document-client.js';
import { formatNumber } from './plant-format.js';

type Values = Partial<Record<'MTBF_HOURS' | 'MTTR_HOURS' | 'PM_COMPLIANCE_PCT' | 'BACKLOG' | 'OVERDUE', number | null>>;
type KpiBoard = {
  takenAt: string | null;
  plant: Values;
  bySite: { name: string; values: Values }[];
  byCategory: { name: string; values: Values }[];
  trend: { day: string; values: Values }[];
};
type FailedStep = { position: number; instruction: string; value: string; unit: string | null; minValue: string | null; maxValue: string | null; valueType: string };
type DayOrder = {
  id: number; number: string; description: string; kind: string; state: string; priority: string; plannedOn: string; asset: string; location: string;
  kindLabel: string; stateLabel: string; priorityLabel: string; failedSteps: FailedStep[];
};
type Board = { overdue: number; dueThisWeek: number; backlogByCraft: { craftLabel: string; orders: number }[]; requestsWaiting: number };
type Checklist = { items: { step: string; done: boolean; values: Record<string, string | number> }[]; complete: boolean };
type DashboardData = {
  counts: { label: string; value: number; kind: 'exact' | 'estimate' | 'moreThan' }[]; kpis: KpiBoard | null; myDay: { today: string; orders: DayOrder[] } | null; board: Board | null;
  checklist?: Checklist | null; sites?: string[];
  callCentre?: boolean;
};
// Where each first-start step is done (the time zone is set where the server starts: no page).
const CHECKLIST_LINKS: Record<string, { resourceId: string; actionName?: string }> = {
  workCalendar: { resourceId: 'WorkCalendar', actionName: 'new' },
  groups: { resourceId: 'User' },
  firstUsers: { resourceId: 'User', actionName: 'new' },
  technicians: { resourceId: 'Technician', actionName: 'new' },
  locations: { resourceId: 'Location', actionName: 'importXlsx' },
  assets: { resourceId: 'Asset', actionName: 'importXlsx' },
  preventivePlans: { resourceId: 'ImportRun', actionName: 'migration' },
};
const PRIORITY_COLORS: Record<string, string> = { URGENT: '#C81E1E', HIGH: '#E08A00', MEDIUM: '#3040D6', LOW: '#6B6B80' };
const h = new ViewHelpers();
const KPI_CARDS = ['MTBF_HOURS', 'MTTR_HOURS', 'PM_COMPLIANCE_PCT', 'BACKLOG', 'OVERDUE'] as const;

const api = new ApiClient();

// Small SVG charts, hand-drawn on purpose: two chart shapes do not justify a charting library in the bundle
// AdminJS builds at every start. (Kept in this file: AdminJS bundles each registered component alone.)
const COLORS = ['#3040D6', '#E08A00', '#0E9F6E', '#C81E1E'];

const TrendChart: React.FC<{ title: string; days: string[]; series: { name: string; values: (number | null)[] }[]; testId: string }> = ({ title, days, series, testId }) => {
  const width = 520;
  const height = 180;
  const pad = 30;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(1, ...all);
  const x = (i: number) => pad + (days.length <= 1 ? 0 : (i * (width - 2 * pad)) / (days.length - 1));
  const y = (v: number) => height - pad - (v / max) * (height - 2 * pad);
  return (
    <Box variant="white" p="lg" data-testid={testId}>
      <H5>{title}</H5>
      <svg width="100%" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} stroke="#c0c0ca" />
        <text x={4} y={pad} fontSize="10" fill="#454655">{max.toLocaleString()}</text>
        {days.length > 0 && <text x={pad} y={height - 8} fontSize="10" fill="#454655">{days[0]}</text>}
        {days.length > 1 && <text x={width - pad} y={height - 8} fontSize="10" fill="#454655" textAnchor="end">{days[days.length - 1]}</text>}
        {series.map((s, index) => {
          const points = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean).join(' ');
          return (
            <g key={s.name}>
              <polyline points={points} fill="none" stroke={COLORS[index % COLORS.length]} strokeWidth="2" />
              {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r="3" fill={COLORS[index % COLORS.length]} />))}
            </g>
          );
        })}
      </svg>
      <Box flex flexDirection="row" style={{ gap: 16 }}>
        {series.map((s, index) => (
          <Text key={s.name} fontSize="sm" style={{ color: COLORS[index % COLORS.length] }}>■ {s.name}</Text>
        ))}
      </Box>
    </Box>
  );
};

const BarChart: React.FC<{ title: string; bars: { label: string; value: number | null }[]; unit?: string; testId: string }> = ({ title, bars, unit = '', testId }) => {
  const width = 520;
  const row = 24;
  const labelWidth = 160;
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  return (
    <Box variant="white" p="lg" data-testid={testId}>
      <H5>{title}</H5>
      <svg width="100%" viewBox={`0 0 ${width} ${Math.max(row, bars.length * row)}`} role="img" aria-label={title}>
        {bars.map((bar, i) => {
          const length = ((bar.value ?? 0) / max) * (width - labelWidth - 60);
          return (
            <g key={bar.label} transform={`translate(0, ${i * row})`}>
              <text x={0} y={16} fontSize="11" fill="#454655">{bar.label.length > 24 ? `${bar.label.slice(0, 23)}…` : bar.label}</text>
              <rect x={labelWidth} y={4} width={length} height={16} fill={COLORS[0]} rx="2" />
              <text x={labelWidth + length + 6} y={16} fontSize="11" fill="#454655">{bar.value === null ? '—' : `${bar.value.toLocaleString()}${unit}`}</text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
};


// Step values outside their limits, on the card: a red frame, a warning sign and the words "Fuera de
// límites" with each value and its limits (never colour alone).
const FailedSteps: React.FC<{ steps: FailedStep[] }> = ({ steps }) => {
  const { translateMessage, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'es';
  const number = (text: string | null, fallback: string) => (text === null ? fallback : Number(text).toLocaleString(locale));
  const shown = (step: FailedStep) => {
    if (step.valueType === 'BOOLEAN') return translateMessage(step.value === 'true' ? 'stepYes' : 'stepNo');
    if (step.valueType === 'NUMBER') return `${number(step.value, step.value)}${step.unit ? ` ${step.unit}` : ''}`;
    return step.value;
  };
  return (
    <Box mt="default" p="default" role="alert" data-testid="my-day-out-of-limits" style={{ border: '2px solid #C81E1E', borderRadius: 4, background: '#FDECEC' }}>
      <Text fontWeight="bold" style={{ color: '#C81E1E' }}>⚠ {translateMessage('myDayOutOfLimits')}</Text>
      {steps.map((step) => (
        <Text key={step.position} mt="sm" style={{ color: '#8A1414' }}>
          {translateMessage('myDayStepValue', undefined, { position: step.position, instruction: step.instruction, value: shown(step) })}
          {step.valueType === 'NUMBER' && ` ${translateMessage('myDayLimits', undefined, { min: number(step.minValue, '−∞'), max: number(step.maxValue, '∞') })}`}
        </Text>
      ))}
    </Box>
  );
};

// A note or a photo for the order, from its card: the note through the notes' own "new" action (rules,
// author set by the server), the photo through the attachment route (its file checks), one tap away.
const CardAdditions: React.FC<{ order: DayOrder }> = ({ order }) => {
  const { translateMessage } = useTranslation();
  const addNotice = useNotice();
  const [open, setOpen] = useState<'note' | 'photo' | null>(null);
  const [text, setText] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const upload = useFileUpload(translateMessage('fileMissing'));

  const saveNote = async (event: React.FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    const body = new FormData();
    body.set('workOrder', String(order.id));
    body.set('text', text);
    try {
      const response = await api.resourceAction({ resourceId: 'WorkOrderNote', actionName: 'new', method: 'post', data: body });
      const errors = (response.data as { record?: { errors?: Record<string, { message: string }> } }).record?.errors ?? {};
      if (Object.keys(errors).length) setNoteError(errors.text?.message ?? Object.values(errors)[0]!.message);
      else {
        setText('');
        setNoteError(null);
        setOpen(null);
        addNotice({ message: translateMessage('myDayNoteSaved'), type: 'success' });
      }
    } catch {
      setNoteError(translateMessage('forbiddenError'));
    }
    setSaving(false);
  };
  const sendPhoto = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    if (await upload.send(`${adminRoot()}/documents/attachments?workOrderId=${order.id}`)) {
      upload.setFile(null);
      form.reset();
    }
  };
  return (
    <>
      <Box flex mt="default" style={{ gap: 8, flexWrap: 'wrap' }}>
        <Button type="button" variant="text" size="sm" onClick={() => setOpen(open === 'note' ? null : 'note')} aria-expanded={open === 'note'} data-testid="my-day-add-note">
          {translateMessage('myDayAddNote')}
        </Button>
        <Button type="button" variant="text" size="sm" onClick={() => setOpen(open === 'photo' ? null : 'photo')} aria-expanded={open === 'photo'} data-testid="my-day-add-photo">
          {translateMessage('myDayAddPhoto')}
        </Button>
      </Box>
      {open === 'note' && (
        <Box as="form" mt="default" onSubmit={saveNote} data-testid="my-day-note-form">
          <Label htmlFor={`note-${order.id}`}>{translateMessage('myDayNoteLabel')}</Label>
          <TextArea id={`note-${order.id}`} name="text" width={1} rows={3} maxLength={2000} value={text} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)} />
          {noteError && <Text color="error" mt="sm" data-testid="my-day-note-error">{noteError}</Text>}
          <Button type="submit" variant="contained" size="sm" mt="default" disabled={saving}>{translateMessage('myDaySaveNote')}</Button>
        </Box>
      )}
      {open === 'photo' && (
        <Box as="form" mt="default" onSubmit={sendPhoto} data-testid="my-day-photo-form">
          <Label htmlFor={`photo-${order.id}`}>{translateMessage('myDayPhotoLabel')}</Label>
          <Box mb="default">
            <input id={`photo-${order.id}`} name="file" type="file" accept="image/*" capture="environment" style={{ maxWidth: '100%' }} onChange={(e) => upload.setFile(e.target.files?.[0] ?? null)} />
          </Box>
          {upload.outcome && <MessageBox mb="default" variant={upload.outcome.ok ? 'success' : 'danger'} message={upload.outcome.message} data-testid="my-day-photo-outcome" />}
          <Button type="submit" variant="contained" size="sm" disabled={upload.busy}>{translateMessage('myDayUploadPhoto')}</Button>
        </Box>
      )}
    </>
  );
};

const MyDay: React.FC<{ day: { today: string; orders: DayOrder[] }; reload: () => void }> = ({ day, reload }) => {
  const { translateMessage, i18n } = useTranslation();
  const addNotice = useNotice();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<number | null>(null);
  const locale = i18n.language === 'en' ? 'en' : 'es';
  // Planned dates are plant calendar days (UTC midnight): formatted as days, in the reader's language.
  const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const url = (id: number, actionName: string) => h.recordActionUrl({ resourceId: 'WorkOrder', recordId: String(id), actionName });
  const start = async (order: DayOrder) => {
    setBusy(order.id);
    try {
      const response = await api.recordAction({ resourceId: 'WorkOrder', recordId: String(order.id), actionName: 'start', method: 'post', data: { language: i18n.language } });
      const notice = (response.data as { notice?: { message: string; type: 'success' | 'error' } }).notice;
      if (notice) addNotice(notice);
    } catch {
      addNotice({ message: translateMessage('myDayStartFailed'), type: 'error' });
    }
    setBusy(null);
    reload();
  };
  return (
    <Box mb="xl" data-testid="my-day">
      <H3>{translateMessage('myDayTitle')}</H3>
      {day.orders.length === 0 && <Text data-testid="my-day-empty">{translateMessage('myDayEmpty')}</Text>}
      {day.orders.map((order) => (
        <Box key={order.id} variant="white" p="lg" mb="default" data-testid="my-day-card" style={{ borderLeft: `4px solid ${PRIORITY_COLORS[order.priority] ?? '#c0c0ca'}` }}>
          <Box flex flexDirection="row" justifyContent="space-between" style={{ gap: 8, flexWrap: 'wrap' }}>
            <Text fontWeight="bold" style={{ whiteSpace: 'nowrap' }}>{order.number}</Text>
            <Box flex style={{ gap: 4, flexWrap: 'wrap' }}>
              <Badge size="sm" style={{ background: PRIORITY_COLORS[order.priority], color: '#fff' }}>{order.priorityLabel}</Badge>
              <Badge size="sm" variant="info">{order.stateLabel}</Badge>
            </Box>
          </Box>
          <Text mt="sm" fontSize="lg">{order.description}</Text>
          <Text mt="sm">{order.asset}</Text>
          <Text color="grey60">{order.location}</Text>
          <Text mt="sm" color={order.plannedOn < day.today ? 'error' : undefined}>
            {translateMessage('myDayPlanned', undefined, { date: dateOf(order.plannedOn) })}
            {order.plannedOn < day.today ? ` · ${translateMessage('myDayOverdue')}` : ''} · {order.kindLabel}
          </Text>
          {order.failedSteps.length > 0 && <FailedSteps steps={order.failedSteps} />}
          <Box flex mt="default" style={{ gap: 8, flexWrap: 'wrap' }}>
            <Button type="button" variant="outlined" onClick={() => navigate(url(order.id, 'show'))}>{translateMessage('myDayOpen')}</Button>
            {order.state === 'ASSIGNED' && (
              <Button type="button" variant="contained" disabled={busy === order.id} onClick={() => start(order)}>{translateMessage('myDayStart')}</Button>
            )}
            {order.kind === 'PREVENTIVE' && (order.state === 'IN_PROGRESS' || order.state === 'ON_HOLD') && (
              <Button type="button" variant="outlined" onClick={() => navigate(url(order.id, 'recordSteps'))}>{translateMessage('myDayRecordSteps')}</Button>
            )}
            {order.state === 'IN_PROGRESS' && (
              <Button type="button" variant="contained" onClick={() => navigate(url(order.id, 'complete'))}>{translateMessage('myDayComplete')}</Button>
            )}
          </Box>
          <CardAdditions order={order} />
        </Box>
      ))}
    </Box>
  );
};

// The administrator's first start: each step ticked from the database, with a link to where it is done;
// folded into one line once every step is done (it can still be opened).
const FirstStartChecklist: React.FC<{ checklist: Checklist }> = ({ checklist }) => {
  const { translateMessage } = useTranslation();
  const [open, setOpen] = useState(!checklist.complete);
  const done = checklist.items.filter((item) => item.done).length;
  const total = checklist.items.length;
  const link = (step: string) => {
    const target = CHECKLIST_LINKS[step];
    if (!target) return null;
    return target.actionName ? h.resourceActionUrl({ resourceId: target.resourceId, actionName: target.actionName }) : h.resourceUrl({ resourceId: target.resourceId });
  };
  return (
    <Box variant="white" p="xl" mb="xl" data-testid="first-start-checklist" data-complete={checklist.complete ? 'true' : 'false'}>
      <Box flex flexDirection="row" justifyContent="space-between" alignItems="center" style={{ gap: 8, flexWrap: 'wrap' }}>
        <H3 mb="0">{translateMessage('checklistTitle')}</H3>
        <Button type="button" variant="text" size="sm" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="checklist-toggle">
          {checklist.complete ? translateMessage('checklistComplete', undefined, { total }) : translateMessage('checklistProgress', undefined, { done, total })}
        </Button>
      </Box>
      {open && (
        <>
          {!checklist.complete && <Text mt="default" mb="lg">{translateMessage('checklistIntro')}</Text>}
          <Box as="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {checklist.items.map((item) => {
              const href = link(item.step);
              return (
                <Box as="li" key={item.step} py="default" flex flexDirection="row" style={{ gap: 12, borderTop: '1px solid #eeeeef' }} data-testid={`checklist-${item.step}`} data-done={item.done ? 'true' : 'false'}>
                  <Text fontSize="xl" aria-hidden style={{ color: item.done ? '#0E9F6E' : '#C0C0CA', minWidth: 24 }}>{item.done ? '✔' : '○'}</Text>
                  <Box flexGrow={1}>
                    <Text fontWeight="bold">
                      {translateMessage(`checklist_${item.step}`)}{' '}
                      <Badge size="sm" variant={item.done ? 'success' : 'secondary'}>{translateMessage(item.done ? 'checklistDone' : 'checklistPending')}</Badge>
                    </Text>
                    <Text color="grey60" mt="sm">{translateMessage(`checklistHint_${item.step}`, undefined, item.values)}</Text>
                  </Box>
                  {href && !item.done && (
                    <Box>
                      <Button as="a" href={href} variant="outlined" size="sm" data-testid={`checklist-go-${item.step}`}>{translateMessage('checklistGo')}</Button>
                    </Box>
                  )}
                </Box>
              );
            })}
          </Box>
        </>
      )}
    </Box>
  );
};

const Dashboard: React.FC = () => {
  const [currentAdmin] = useCurrentAdmin();
  const { translateMessage, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'es';
  const metric = (name: string) => translateMessage(`kpi_${name}`);
  const [data, setData] = useState<DashboardData | null>(null);

  const load = () => {
    api.getDashboard<DashboardData>({ params: { language: i18n.language } }).then((response) => setData(response.data));
  };
  useEffect(load, [i18n.language]);

  const groups = ((currentAdmin as { groups?: string[] } | null)?.groups ?? []).map((g) => translateMessage(`group_${g}`));
  return (
    <Box variant="grey" data-testid="dashboard">
      {data?.myDay && <MyDay day={data.myDay} reload={load} />}
      {data?.checklist && !data.checklist.complete && <FirstStartChecklist key="pending" checklist={data.checklist} />}
      <Box variant="white" p="xl">
        <H2>{translateMessage('dashboardWelcome', undefined, { name: currentAdmin?.title ?? '' })}</H2>
        <Text>{translateMessage('dashboardGroups', undefined, { groups: groups.join(', ') })}</Text>
        {!!data?.sites?.length && (
          <Text data-testid="dashboard-sites">{translateMessage('dashboardSites', undefined, { sites: data.sites.join(', ') })}</Text>
        )}
      </Box>
      <Box flex flexDirection="row" mt="xl" style={{ gap: 16, flexWrap: 'wrap' }}>
        {(data?.counts ?? []).map((count) => (
          <Box key={count.label} variant="white" p="lg" style={{ minWidth: 200 }}>
            <H5>{translateMessage(count.label)}</H5>
            {/* Counted as its list counts: "aprox. 50.000" past 10 000 rows, like the list's header. */}
            <Text fontSize="xl" data-testid={`dashboard-count-${count.label}`}>
              {count.kind === 'estimate'
                ? translateMessage('listTotalAbout', undefined, { total: formatNumber(count.value, i18n.language) })
                : count.kind === 'moreThan'
                  ? translateMessage('listTotalMoreThan', undefined, { total: formatNumber(count.value, i18n.language) })
                  : formatNumber(count.value, i18n.language)}
            </Text>
          </Box>
        ))}
      </Box>
      {data?.callCentre && (
        <Box mt="xl" variant="white" p="lg" data-testid="dashboard-call-centre">
          <a href={h.resourceActionUrl({ resourceId: 'Ticket', actionName: 'board' })} data-testid="open-call-centre-board">{translateMessage('boardCcOpen')}</a>
        </Box>
      )}
      {data?.board && (
        <Box mt="xl" data-testid="supervisor-board">
          <H3>{translateMessage('boardTitle')}</H3>
          <Box mb="default">
            <a href={h.resourceActionUrl({ resourceId: 'WorkOrder', actionName: 'calendar' })} data-testid="open-calendar">{translateMessage('calendarOpen')}</a>
          </Box>
          <Box flex flexDirection="row" style={{ gap: 16, flexWrap: 'wrap' }}>
            {(['overdue', 'dueThisWeek', 'requestsWaiting'] as const).map((name) => (
              <Box key={name} variant="white" p="lg" style={{ minWidth: 200 }} data-testid={`board-${name}`}>
                <H5>{translateMessage(`board${name[0]!.toUpperCase()}${name.slice(1)}`)}</H5>
                <Text fontSize="xl" color={name === 'overdue' && data.board!.overdue > 0 ? 'error' : undefined}>{data.board![name].toLocaleString(locale)}</Text>
              </Box>
            ))}
          </Box>
          <Box mt="lg" style={{ maxWidth: 560 }}>
            {data.board.backlogByCraft.length > 0 ? (
              <BarChart testId="board-backlog-by-craft" title={translateMessage('boardBacklogByCraft')} bars={data.board.backlogByCraft.map((c) => ({ label: c.craftLabel, value: c.orders }))} />
            ) : (
              // An empty backlog is good news, said in words, not an empty chart.
              <Box variant="white" p="lg" data-testid="board-backlog-by-craft">
                <H5>{translateMessage('boardBacklogByCraft')}</H5>
                <Text data-testid="board-no-backlog" style={{ color: '#0E9F6E' }}>✔ {translateMessage('boardNoBacklog')}</Text>
              </Box>
            )}
          </Box>
        </Box>
      )}
      {data?.kpis?.takenAt && (
        <Box mt="xl" data-testid="kpis">
          <Text mb="default">{translateMessage('kpiTakenAt', undefined, { at: new Date(data.kpis.takenAt).toLocaleString(locale) })}</Text>
          <Box flex flexDirection="row" style={{ gap: 16, flexWrap: 'wrap' }}>
            {KPI_CARDS.map((name) => (
              <Box key={name} variant="white" p="lg" style={{ minWidth: 180 }} data-testid={`kpi-${name}`}>
                <H5>{metric(name)}</H5>
                <Text fontSize="xl">{data.kpis!.plant[name] == null ? '—' : data.kpis!.plant[name]!.toLocaleString(locale)}</Text>
              </Box>
            ))}
          </Box>
          <Box mt="xl" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: 16 }}>
            <TrendChart
              testId="chart-trend"
              title={translateMessage('kpiTrend')}
              days={data.kpis.trend.map((t) => t.day)}
              series={(['PM_COMPLIANCE_PCT', 'BACKLOG', 'OVERDUE'] as const).map((name) => ({ name: metric(name), values: data.kpis!.trend.map((t) => t.values[name] ?? null) }))}
            />
            <BarChart testId="chart-backlog-by-site" title={translateMessage('kpiBacklogBySite')} bars={data.kpis.bySite.map((s) => ({ label: s.name, value: s.values.BACKLOG ?? null }))} />
            {data.kpis.byCategory.length > 0 && (
              <BarChart testId="chart-compliance-by-category" unit=" %" title={translateMessage('kpiComplianceByCategory')} bars={data.kpis.byCategory.map((c) => ({ label: c.name, value: c.values.PM_COMPLIANCE_PCT ?? null }))} />
            )}
            {data.kpis.byCategory.length > 0 && (
              <BarChart testId="chart-mtbf-by-category" unit=" h" title={translateMessage('kpiMtbfByCategory')} bars={data.kpis.byCategory.map((c) => ({ label: c.name, value: c.values.MTBF_HOURS ?? null }))} />
            )}
          </Box>
        </Box>
      )}
      {data?.checklist?.complete && (
        <Box mt="xl">
          <FirstStartChecklist key="complete" checklist={data.checklist} />
        </Box>
      )}
    </Box>
  );
};

export default Dashboard;
