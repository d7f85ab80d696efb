// "Calendario de planificación": the week (rows by technician or location, with each technician's
// workload) or the month of preventive and corrective orders, overdue ones marked, and the backlog of
// orders no technician has yet. An order is moved by dragging it to another day or technician, or by its
// "Mover" form (keyboard and screen readers); both POST to /calendar/move with the CSRF header, and the
// server checks the rules again (admin/calendar/router.ts). The view is kept in the address, so a reload
// or a shared link shows the same week.
import { Box, Button, H3, H5, Text } from '@adminjs/design-system';
import { useNotice, useTranslation } from 'adminjs';
import { useLocation, useNavigate } from 'react-router';
import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { adminRoot } from './admin-root.js';
import { csrfHeader, readJson } from './document-client.js';
import { formatDate, formatNumber } from './plant-format.js';

type Order = {
  id: number; number: string; description: string; kind: string; state: string; priority: string; plannedOn: string;
  asset: string; location: string; technicianId: number | null; technician: string | null; row: string;
  overdue: boolean; movable: boolean; kindLabel: string; stateLabel: string; priorityLabel: string;
};
type Row = { key: string; label: string; detail: string | null; technicianId: number | null; workload: { openOrders: number; openHours: number } | null; assignable: boolean };
type Calendar = {
  view: 'week' | 'month'; groupBy: 'technician' | 'location'; from: string; to: string; today: string; days: string[];
  rows: Row[]; orders: Order[]; dayCounts: Record<string, number>; truncated: boolean;
  backlog: { total: number; orders: Order[] }; canReschedule: boolean; canReassign: boolean;
  choices: { technicians: { id: number; name: string; assignable: boolean }[]; locations: { id: number; name: string }[] };
};
type Move = { workOrderId: number; plannedOn?: string; technicianId?: number };

const PRIORITY_COLORS: Record<string, string> = { URGENT: '#C81E1E', HIGH: '#E08A00', MEDIUM: '#3040D6', LOW: '#6B6B80' };
const OVERDUE_BACKGROUND = '#FDE8E8';
const MONTH_CHIPS = 4;
const DONE = ['COMPLETED', 'CLOSED'];
const cell: React.CSSProperties = { border: '1px solid #e0e0e8', padding: 3, verticalAlign: 'top', overflow: 'hidden' };

const shiftDay = (iso: string, days: number) => new Date(new Date(`${iso}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
const shiftMonth = (iso: string, months: number) => {
  const day = new Date(`${iso}T00:00:00Z`);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1)).toISOString().slice(0, 10);
};

/** The move a drop asks for: the day of the cell, and its technician when it is another technician's row. */
function moveFor(order: Order, day: string, row: Row | null): Move | 'unassign' | null {
  const move: Move = { workOrderId: order.id };
  if (day !== order.plannedOn) move.plannedOn = day;
  if (row && row.key.startsWith('t:') && row.key !== order.row) {
    if (row.technicianId === null) return 'unassign';
    move.technicianId = row.technicianId;
  }
  return move.plannedOn || move.technicianId ? move : null;
}

const OrderChip: React.FC<{ order: Order; onOpen: (order: Order) => void; onDrag: (order: Order | null) => void }> = ({ order, onOpen, onDrag }) => {
  const { translateMessage } = useTranslation();
  const done = DONE.includes(order.state);
  return (
    <button
      type="button"
      data-testid="calendar-order"
      data-number={order.number}
      data-overdue={order.overdue ? 'true' : 'false'}
      draggable={order.movable}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', String(order.id));
        event.dataTransfer.effectAllowed = 'move';
        onDrag(order);
      }}
      onDragEnd={() => onDrag(null)}
      onClick={() => onOpen(order)}
      title={`${order.number} · ${order.description}\n${order.asset} · ${order.location}\n${order.priorityLabel} · ${order.stateLabel}${order.technician ? ` · ${order.technician}` : ''}`}
      style={{
        display: 'block', width: '100%', textAlign: 'left', margin: '2px 0', padding: '2px 4px', font: 'inherit', fontSize: 11,
        cursor: order.movable ? 'grab' : 'pointer', border: order.overdue ? '1px solid #C81E1E' : '1px solid #d6d6e0',
        borderLeft: `4px solid ${PRIORITY_COLORS[order.priority] ?? '#c0c0ca'}`, borderRadius: 3,
        background: order.overdue ? OVERDUE_BACKGROUND : '#fff', opacity: done ? 0.6 : 1,
      }}
    >
      <span style={{ fontWeight: 700, whiteSpace: 'nowrap' }}>{order.number}</span>
      {order.overdue && <span style={{ color: '#C81E1E', fontWeight: 700 }}> · {translateMessage('calendarOverdue')}</span>}
      {done && <span> · {translateMessage('calendarDone')}</span>}
      <span style={{ display: 'block', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: '100%' }}>{order.asset}</span>
      <span style={{ display: 'block', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: '100%', color: '#454655' }}>{order.description}</span>
    </button>
  );
};

const MoveForm: React.FC<{ order: Order; calendar: Calendar; busy: boolean; onMove: (move: Move) => void; onClose: () => void }> = ({ order, calendar, busy, onMove, onClose }) => {
  const { translateMessage } = useTranslation();
  const [day, setDay] = useState(order.plannedOn);
  const [technician, setTechnician] = useState('');
  const technicians = calendar.choices.technicians.filter((t) => t.assignable && t.id !== order.technicianId);
  const reassignable = calendar.canReassign && ['PENDING', 'ASSIGNED'].includes(order.state);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const move: Move = { workOrderId: order.id };
    if (day && day !== order.plannedOn) move.plannedOn = day;
    if (technician) move.technicianId = Number(technician);
    onMove(move);
  };
  const showUrl = `${adminRoot()}/resources/WorkOrder/records/${order.id}/show`;
  return (
    <Box variant="white" p="lg" mb="lg" data-testid="calendar-move" style={{ border: '1px solid #c0c0ca' }}>
      <H3>{order.movable ? translateMessage('calendarMoveTitle', undefined, { number: order.number }) : order.number}</H3>
      <Text>{order.description}</Text>
      <Text color="grey60">
        {order.asset} · {order.location} · {order.priorityLabel} · {order.stateLabel} · {order.kindLabel}
        {order.technician ? ` · ${order.technician}` : ''}
      </Text>
      {order.movable && (
        <form onSubmit={submit} style={{ display: 'flex', gap: 12, alignItems: 'flex-end', flexWrap: 'wrap', marginTop: 12 }}>
          {calendar.canReschedule && (
            <label>
              {translateMessage('calendarMoveDay')}
              <br />
              <input type="date" name="plannedOn" value={day} min={calendar.today} onChange={(event) => setDay(event.target.value)} />
            </label>
          )}
          {reassignable && (
            <label>
              {translateMessage('calendarMoveTechnician')}
              <br />
              <select name="technicianId" value={technician} onChange={(event) => setTechnician(event.target.value)}>
                <option value="">{translateMessage('calendarMoveKeep')}{order.technician ? ` (${order.technician})` : ''}</option>
                {technicians.map((t) => (
                  <option key={t.id} value={t.id}>{t.name}</option>
                ))}
              </select>
            </label>
          )}
          <Button type="submit" variant="contained" disabled={busy} data-testid="calendar-move-submit">{translateMessage('calendarMoveSubmit')}</Button>
        </form>
      )}
      <Box flex mt="default" style={{ gap: 12 }}>
        <a href={showUrl}>{translateMessage('calendarOpenOrder')}</a>
        <Button type="button" variant="text" size="sm" onClick={onClose}>{translateMessage('calendarMoveCancel')}</Button>
      </Box>
    </Box>
  );
};

const PlanningCalendar: React.FC = () => {
  const { translateMessage, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'es';
  const addNotice = useNotice();
  const location = useLocation();
  const navigate = useNavigate();
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const [calendar, setCalendar] = useState<Calendar | null>(null);
  const [failed, setFailed] = useState(false);
  const [selected, setSelected] = useState<Order | null>(null);
  const [dragged, setDragged] = useState<Order | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const query = useMemo(() => {
    const q = new URLSearchParams();
    for (const name of ['view', 'day', 'groupBy', 'locationId', 'technicianId']) {
      const value = params.get(name);
      if (value) q.set(name, value);
    }
    q.set('language', language);
    return q.toString();
  }, [params, language]);

  const load = useCallback(async () => {
    try {
      const response = await fetch(`${adminRoot()}/calendar/orders?${query}`, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(String(response.status));
      setCalendar((await response.json()) as Calendar);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [query]);
  useEffect(() => void load(), [load]);

  /** Changes the address (view, day, filters): the data follows it, and a reload keeps it. */
  const setParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(location.search);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    navigate({ pathname: location.pathname, search: `?${next.toString()}` }, { replace: true });
  };

  const move = async (request: Move) => {
    if (!request.plannedOn && !request.technicianId) return;
    setBusy(true);
    try {
      const response = await fetch(`${adminRoot()}/calendar/move`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...csrfHeader() },
        body: JSON.stringify(request),
      });
      const answer = await readJson<object>(response);
      const text = translateMessage(answer.message ?? String(response.status));
      // The calendar is read again first: once the message shows, so does the order where it now is.
      await load();
      setMessage({ ok: response.ok, text });
      addNotice({ message: text, type: response.ok ? 'success' : 'error' });
      if (response.ok) setSelected(null);
    } catch {
      setMessage({ ok: false, text: translateMessage('calendarLoadFailed') });
    } finally {
      setBusy(false);
    }
  };

  const drop = (day: string, row: Row | null) => (event: React.DragEvent) => {
    event.preventDefault();
    const order = dragged ?? calendar?.orders.concat(calendar.backlog.orders).find((o) => String(o.id) === event.dataTransfer.getData('text/plain'));
    setDragged(null);
    if (!order) return;
    const request = moveFor(order, day, row);
    if (request === 'unassign') {
      setMessage({ ok: false, text: translateMessage('calendarCannotUnassign') });
      return;
    }
    if (request) void move(request);
  };
  const dropTarget = (day: string, row: Row | null) => ({
    onDragOver: (event: React.DragEvent) => {
      if (dragged && day >= (calendar?.today ?? '')) event.preventDefault();
    },
    onDrop: drop(day, row),
    'data-day': day,
    ...(row ? { 'data-row': row.key } : {}),
  });

  if (failed) return <Text data-testid="calendar-failed">{translateMessage('calendarLoadFailed')}</Text>;
  if (!calendar) return <Text>…</Text>;

  const dayLabel = (iso: string, options: Intl.DateTimeFormatOptions) => new Date(`${iso}T00:00:00Z`).toLocaleDateString(language, { timeZone: 'UTC', ...options });
  const title =
    calendar.view === 'week'
      ? `${formatDate(calendar.from, 'date', language)} – ${formatDate(calendar.to, 'date', language)}`
      : dayLabel(shiftDay(calendar.from, 14), { month: 'long', year: 'numeric' });
  const anchor = params.get('day') ?? calendar.today;
  const step = (direction: 1 | -1) => setParams({ day: calendar.view === 'week' ? shiftDay(anchor, 7 * direction) : shiftMonth(anchor, direction) });
  const canMove = calendar.canReschedule || calendar.canReassign;
  const ordersOf = (day: string, row?: Row) => calendar.orders.filter((o) => o.plannedOn === day && (!row || o.row === row.key));
  const dayStyle = (day: string): React.CSSProperties => ({ ...cell, background: day === calendar.today ? '#F3F5FF' : day < calendar.today ? '#FAFAFA' : undefined });
  const open = (order: Order) => setSelected(order);

  return (
    <Box variant="grey" data-testid="planning-calendar">
      <Box variant="white" p="lg" mb="lg">
        <Box flex style={{ gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
          <H3 mb="0" data-testid="calendar-period" style={{ marginRight: 16 }}>{title}</H3>
          <Button type="button" size="sm" variant="outlined" onClick={() => step(-1)}>{translateMessage('calendarPrevious')}</Button>
          <Button type="button" size="sm" variant="outlined" onClick={() => setParams({ day: null })}>{translateMessage('calendarToday')}</Button>
          <Button type="button" size="sm" variant="outlined" onClick={() => step(1)}>{translateMessage('calendarNext')}</Button>
          <span style={{ width: 16 }} />
          {(['week', 'month'] as const).map((view) => (
            <Button key={view} type="button" size="sm" variant={calendar.view === view ? 'contained' : 'outlined'} aria-pressed={calendar.view === view} onClick={() => setParams({ view })}>
              {translateMessage(view === 'week' ? 'calendarWeek' : 'calendarMonth')}
            </Button>
          ))}
          <span style={{ width: 16 }} />
          {/* Rows are the week's: a month is one grid of days. */}
          {calendar.view === 'week' && (['technician', 'location'] as const).map((groupBy) => (
            <Button key={groupBy} type="button" size="sm" variant={calendar.groupBy === groupBy ? 'contained' : 'outlined'} aria-pressed={calendar.groupBy === groupBy} onClick={() => setParams({ groupBy })}>
              {translateMessage(groupBy === 'technician' ? 'calendarByTechnician' : 'calendarByLocation')}
            </Button>
          ))}
        </Box>
        <Box flex mt="default" style={{ gap: 16, flexWrap: 'wrap' }}>
          <label>
            {translateMessage('calendarLocation')}{' '}
            <select name="locationId" value={params.get('locationId') ?? ''} onChange={(event) => setParams({ locationId: event.target.value })}>
              <option value="">{translateMessage('calendarAllLocations')}</option>
              {calendar.choices.locations.map((l) => (
                <option key={l.id} value={l.id}>{l.name}</option>
              ))}
            </select>
          </label>
          <label>
            {translateMessage('calendarTechnician')}{' '}
            <select name="technicianId" value={params.get('technicianId') ?? ''} onChange={(event) => setParams({ technicianId: event.target.value })}>
              <option value="">{translateMessage('calendarAllTechnicians')}</option>
              {calendar.choices.technicians.map((t) => (
                <option key={t.id} value={t.id}>{t.name}</option>
              ))}
            </select>
          </label>
        </Box>
        <Box flex mt="default" style={{ gap: 12, flexWrap: 'wrap', alignItems: 'center' }}>
          {Object.entries(PRIORITY_COLORS).map(([priority, color]) => (
            <Text key={priority} fontSize="sm" style={{ borderLeft: `5px solid ${color}`, paddingLeft: 4 }}>{translateMessage(`calendarPriority_${priority}`)}</Text>
          ))}
          <Text fontSize="sm" style={{ background: OVERDUE_BACKGROUND, border: '1px solid #C81E1E', padding: '0 4px' }}>{translateMessage('calendarOverdueLegend')}</Text>
          <Text fontSize="sm" color="grey60">{translateMessage(canMove ? 'calendarDragHelp' : 'calendarReadOnly')}</Text>
        </Box>
        {message && (
          <Text mt="default" role="alert" data-testid="calendar-message" color={message.ok ? 'success' : 'error'}>{message.text}</Text>
        )}
        {calendar.truncated && <Text mt="default" color="error">{translateMessage('calendarTruncated', undefined, { shown: formatNumber(calendar.orders.length, language) })}</Text>}
      </Box>

      {selected && <MoveForm key={selected.id} order={selected} calendar={calendar} busy={busy} onMove={(request) => void move(request)} onClose={() => setSelected(null)} />}

      <Box flex style={{ gap: 16, alignItems: 'flex-start' }}>
        <Box variant="white" p="default" style={{ flex: 1, minWidth: 0, overflowX: 'auto' }}>
          {calendar.orders.length === 0 && <Text mb="default" data-testid="calendar-empty">{translateMessage('calendarEmpty')}</Text>}
          {calendar.view === 'week' ? (
            <table style={{ borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed' }} data-testid="calendar-week">
              <thead>
                <tr>
                  <th style={{ ...cell, width: 140 }}>{translateMessage(calendar.groupBy === 'technician' ? 'calendarTechnician' : 'calendarLocation')}</th>
                  {calendar.days.map((day) => (
                    <th key={day} style={dayStyle(day)}>{dayLabel(day, { weekday: 'short', day: 'numeric', month: 'short' })}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {calendar.rows.map((row) => (
                  <tr key={row.key} data-testid="calendar-row" data-row={row.key}>
                    <th style={{ ...cell, textAlign: 'left', fontWeight: 'normal' }} scope="row">
                      <Text fontWeight="bold">{row.label}</Text>
                      {row.detail && <Text fontSize="sm" color="grey60">{row.detail}</Text>}
                      {row.workload && (
                        <Text fontSize="sm" data-testid={`workload-${row.technicianId}`}>
                          {translateMessage('calendarWorkload', undefined, { orders: formatNumber(row.workload.openOrders, language), hours: formatNumber(row.workload.openHours, language) })}
                        </Text>
                      )}
                    </th>
                    {calendar.days.map((day) => (
                      <td key={day} style={dayStyle(day)} {...dropTarget(day, row)}>
                        {ordersOf(day, row).map((order) => (
                          <OrderChip key={order.id} order={order} onOpen={open} onDrag={setDragged} />
                        ))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <table style={{ borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed' }} data-testid="calendar-month">
              <thead>
                <tr>
                  {calendar.days.slice(0, 7).map((day) => (
                    <th key={day} style={cell}>{dayLabel(day, { weekday: 'long' })}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: calendar.days.length / 7 }, (_, week) => (
                  <tr key={week}>
                    {calendar.days.slice(week * 7, week * 7 + 7).map((day) => {
                      const orders = ordersOf(day);
                      const more = (calendar.dayCounts[day] ?? 0) - Math.min(orders.length, MONTH_CHIPS);
                      return (
                        <td key={day} style={{ ...dayStyle(day), height: 110 }} {...dropTarget(day, null)}>
                          <Text fontSize="sm" fontWeight={day === calendar.today ? 'bold' : undefined}>{dayLabel(day, { day: 'numeric', month: 'short' })}</Text>
                          {orders.slice(0, MONTH_CHIPS).map((order) => (
                            <OrderChip key={order.id} order={order} onOpen={open} onDrag={setDragged} />
                          ))}
                          {more > 0 && (
                            <Button type="button" size="sm" variant="text" onClick={() => setParams({ view: 'week', day })}>
                              {translateMessage('calendarMore', undefined, { more: formatNumber(more, language) })}
                            </Button>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Box>

        {!params.get('technicianId') && (
          <Box variant="white" p="default" style={{ width: 200, flexShrink: 0 }} data-testid="calendar-backlog">
            <H5>{translateMessage('calendarBacklog')} ({formatNumber(calendar.backlog.total, language)})</H5>
            <Text fontSize="sm" color="grey60" mb="default">{translateMessage(calendar.backlog.total ? 'calendarBacklogHelp' : 'calendarBacklogEmpty')}</Text>
            {calendar.backlog.orders.map((order) => (
              <Box key={order.id}>
                <Text fontSize="sm" color={order.overdue ? 'error' : 'grey60'}>{formatDate(order.plannedOn, 'date', language)}</Text>
                <OrderChip order={order} onOpen={open} onDrag={setDragged} />
              </Box>
            ))}
            {calendar.backlog.total > calendar.backlog.orders.length && (
              <Text fontSize="sm">{translateMessage('calendarBacklogMore', undefined, { more: formatNumber(calendar.backlog.total - calendar.backlog.orders.length, language) })}</Text>
            )}
          </Box>
        )}
      </Box>
    </Box>
  );
};

export default PlanningCalendar;
