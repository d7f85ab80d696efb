// "Tablero" on the ticket list: the call centre at a glance, built like the supervisor's area of the dashboard
// (figures in cards, links to the lists they count). The action's GET answers the board, counted under the
// viewer's rules (resources/call-center/call-centre-board-action.ts); times are shown in the plant's zone.
import { Badge, Box, H3, H5, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient, useTranslation, ViewHelpers, type ActionProps } from 'adminjs';
import React, { useEffect, useState } from 'react';

type Ticket = { id: number; number: string; type: string; priority: string; requester: string; description: string; reportedAt: string };
type Run = { id: number; startedAt: string; state: string; pagesRead: number; found: number; created: number; skipped: number; message: string | null };
type Board = {
  byStateAndType: { state: string; type: string; tickets: number }[];
  openByAge: { type: string; tickets: number[] }[];
  overdue: { tickets: number; response: number; resolution: number; worst: (Ticket & { clock: 'response' | 'resolution'; due: string })[] };
  oldestWaiting: Ticket | null;
  today: { from: string; answered: number; resolved: number };
  compliance: { week: string; tickets: number; responseMet: number; responseDue: number; resolutionMet: number; resolutionDue: number }[];
  lastRun?: Run | null;
  timeZone: string;
  sigConfigured: boolean;
};

const api = new ApiClient();
const h = new ViewHelpers();
const STATES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'];
const AGE_BANDS = [0, 1, 2, 3];
const card: React.CSSProperties = { minWidth: 240, flex: '1 1 240px' };
const ticketsWhere = (filters: Record<string, string>, sort?: string) =>
  h.resourceUrl({ resourceId: 'Ticket', search: `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).map(([k, v]) => [`filters.${k}`, v])), ...(sort && { sortBy: sort, direction: 'asc' }) })}` });
const ticketUrl = (id: number) => h.recordActionUrl({ resourceId: 'Ticket', recordId: String(id), actionName: 'show' });

const CallCentreBoard: React.FC<ActionProps> = ({ resource }) => {
  const { translateMessage, translateLabel, i18n } = useTranslation();
  const [board, setBoard] = useState<Board | null | undefined>(undefined);
  const locale = i18n.language === 'en' ? 'en' : 'es';
  const t = (key: string, params?: Record<string, string | number>) => translateMessage(key, resource.id, params);
  const label = (name: string, value: string) => translateLabel(`${name}.${value}`, resource.id, { defaultValue: value }) as string;
  const number = (n: number) => n.toLocaleString(locale);

  useEffect(() => {
    api.resourceAction({ resourceId: resource.id, actionName: 'board', params: { language: i18n.language } }).then((response) => {
      setBoard((response.data as { board: Board | null }).board);
    });
  }, [i18n.language]);

  if (board === undefined) return <Text>{t('formLoading')}</Text>;
  if (board === null) return <MessageBox variant="danger" message={t('forbiddenError')} />;
  const when = (iso: string) => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'es-HN', { timeZone: board.timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  const count = (state: string, type: string) => board.byStateAndType.find((row) => row.state === state && row.type === type)?.tickets ?? 0;
  const types = [...new Set(board.byStateAndType.map((row) => row.type))].sort();
  const states = STATES.filter((state) => board.byStateAndType.some((row) => row.state === state));
  // "80 % (8 de 10)": met among those whose clock stopped or ran out; none due yet is a dash.
  const share = (met: number, due: number) => (due === 0 ? '—' : t('boardCcShare', { percent: number(Math.round((met * 100) / due)), met: number(met), due: number(due) }));
  // A wait in hours up to two days, in whole days beyond.
  const waited = (iso: string) => {
    const hours = Math.floor((Date.now() - new Date(iso).getTime()) / 3_600_000);
    return hours < 48 ? t('boardCcHours', { n: number(hours) }) : t('boardCcDays', { n: number(Math.floor(hours / 24)) });
  };

  return (
    <Box variant="grey" data-testid="call-centre-board">
      <Box variant="white" p="xl" mb="xl">
        <H3>{t('boardCcTitle')}</H3>
        <Text>{t('boardCcIntro', { timeZone: board.timeZone })}</Text>
      </Box>

      <Box flex flexDirection="row" mb="xl" style={{ gap: 16, flexWrap: 'wrap' }}>
        <Box variant="white" p="lg" style={card} data-testid="cc-overdue">
          <H5>{t('boardCcOverdue')}</H5>
          <Text fontSize="xl" color={board.overdue.tickets > 0 ? 'error' : undefined} data-testid="cc-overdue-count">{number(board.overdue.tickets)}</Text>
          {board.overdue.tickets > 0 ? (
            <Text color="grey60">{t('boardCcOverdueCounts', { response: number(board.overdue.response), resolution: number(board.overdue.resolution) })}</Text>
          ) : (
            <Text style={{ color: '#0E9F6E' }}>✔ {t('boardCcNoOverdue')}</Text>
          )}
        </Box>
        <Box variant="white" p="lg" style={card} data-testid="cc-oldest-waiting">
          <H5>{t('boardCcOldestWaiting')}</H5>
          {board.oldestWaiting ? (
            <>
              <a href={ticketUrl(board.oldestWaiting.id)} data-testid="cc-oldest-waiting-link"><Text fontWeight="bold">{board.oldestWaiting.number}</Text></a>
              <Text>{board.oldestWaiting.requester} · {label('type', board.oldestWaiting.type)}</Text>
              <Text color="grey60">{t('boardCcOldestWaitingSince', { at: when(board.oldestWaiting.reportedAt), age: waited(board.oldestWaiting.reportedAt) })}</Text>
            </>
          ) : (
            <Text style={{ color: '#0E9F6E' }}>✔ {t('boardCcNobodyWaiting')}</Text>
          )}
        </Box>
        <Box variant="white" p="lg" style={card} data-testid="cc-today">
          <H5>{t('boardCcToday')}</H5>
          <Box flex style={{ gap: 24 }}>
            <a href={ticketsWhere({ 'answeredAt~~from': board.today.from })} data-testid="cc-answered-today">
              <Text fontSize="xl">{number(board.today.answered)}</Text>
              <Text>{t('boardCcAnsweredToday')}</Text>
            </a>
            <a href={ticketsWhere({ 'resolvedAt~~from': board.today.from })} data-testid="cc-resolved-today">
              <Text fontSize="xl">{number(board.today.resolved)}</Text>
              <Text>{t('boardCcResolvedToday')}</Text>
            </a>
          </Box>
        </Box>
        {board.lastRun !== undefined && (
          <Box variant="white" p="lg" style={card} data-testid="cc-last-run">
            <H5>{t('boardCcLastRun')}</H5>
            {!board.sigConfigured && <Text mb="sm" data-testid="cc-sig-off">{t('boardCcSigOff')}</Text>}
            {board.lastRun ? (
              <>
                <Text>
                  <Badge size="sm" variant={board.lastRun.state === 'FAILED' ? 'danger' : board.lastRun.state === 'SUCCEEDED' ? 'success' : 'info'} data-testid="cc-last-run-state">
                    {translateLabel(`state.${board.lastRun.state}`, 'SigSyncRun', { defaultValue: board.lastRun.state }) as string}
                  </Badge>{' '}
                  {t('boardCcLastRunAt', { at: when(board.lastRun.startedAt) })}
                </Text>
                {board.lastRun.state === 'RUNNING' ? (
                  <Text mt="sm">{t('boardCcLastRunRunning')}</Text>
                ) : (
                  <Text mt="sm" data-testid="cc-last-run-counts">
                    {t('boardCcLastRunCounts', { pages: number(board.lastRun.pagesRead), found: number(board.lastRun.found), created: number(board.lastRun.created), skipped: number(board.lastRun.skipped) })}
                  </Text>
                )}
                {board.lastRun.message && <Text mt="sm" color="error" data-testid="cc-last-run-error">{board.lastRun.message}</Text>}
              </>
            ) : (
              <Text>{t('boardCcNeverRun')}</Text>
            )}
            <Box mt="sm">
              <a href={h.resourceUrl({ resourceId: 'SigSyncRun' })}>{t('boardCcAllRuns')}</a>
            </Box>
          </Box>
        )}
      </Box>

      <Box variant="white" p="lg" mb="xl" data-testid="cc-by-state-and-type">
        <H5>{t('boardCcByStateAndType')}</H5>
        <Box style={{ overflowX: 'auto' }}>
          <Table>
            <TableHead>
              <TableRow>
                <TableCell>{t('boardCcType')}</TableCell>
                {states.map((state) => <TableCell key={state}>{label('state', state)}</TableCell>)}
                <TableCell>{t('boardCcTotal')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {types.map((type) => (
                <TableRow key={type}>
                  <TableCell><a href={ticketsWhere({ type })}>{label('type', type)}</a></TableCell>
                  {states.map((state) => (
                    <TableCell key={state} data-testid={`cc-count-${state}-${type}`}>
                      {count(state, type) > 0 ? <a href={ticketsWhere({ state, type })}>{number(count(state, type))}</a> : '0'}
                    </TableCell>
                  ))}
                  <TableCell>{number(states.reduce((sum, state) => sum + count(state, type), 0))}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell><Text fontWeight="bold">{t('boardCcTotal')}</Text></TableCell>
                {states.map((state) => (
                  <TableCell key={state} data-testid={`cc-count-${state}`}>
                    <a href={ticketsWhere({ state })}>{number(types.reduce((sum, type) => sum + count(state, type), 0))}</a>
                  </TableCell>
                ))}
                <TableCell>{number(board.byStateAndType.reduce((sum, row) => sum + row.tickets, 0))}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </Box>
      </Box>

      <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: 16 }}>
        <Box variant="white" p="lg" data-testid="cc-overdue-list">
          <H5>{t('boardCcOverdue')}</H5>
          {board.overdue.worst.length === 0 && <Text style={{ color: '#0E9F6E' }}>✔ {t('boardCcNoOverdue')}</Text>}
          {board.overdue.worst.map((ticket) => (
            <Box key={ticket.id} py="default" style={{ borderTop: '1px solid #eeeeef' }} data-testid="cc-overdue-ticket">
              <a href={ticketUrl(ticket.id)}><Text fontWeight="bold" as="span">{ticket.number}</Text></a>{' '}
              <Badge size="sm" variant="secondary">{label('priority', ticket.priority)}</Badge>
              <Text>{ticket.requester} · {label('type', ticket.type)} · {ticket.description.length > 80 ? `${ticket.description.slice(0, 79)}…` : ticket.description}</Text>
              <Text color="error">⚠ {t(`boardCcOverdueClock_${ticket.clock}`, { due: when(ticket.due) })}</Text>
            </Box>
          ))}
          {board.overdue.tickets > board.overdue.worst.length && (
            <a href={ticketsWhere({ state: 'OPEN' }, 'reportedAt')}>{t('boardCcOverdueMore', { count: number(board.overdue.tickets - board.overdue.worst.length) })}</a>
          )}
        </Box>
        <Box variant="white" p="lg" data-testid="cc-open-by-age">
          <H5>{t('boardCcOpenByAge')}</H5>
          {board.openByAge.length === 0 ? (
            <Text style={{ color: '#0E9F6E' }}>✔ {t('boardCcNoOpen')}</Text>
          ) : (
            <Table>
              <TableHead>
                <TableRow>
                  <TableCell>{t('boardCcType')}</TableCell>
                  {AGE_BANDS.map((band) => <TableCell key={band}>{t(`boardCcAge_${band}`)}</TableCell>)}
                </TableRow>
              </TableHead>
              <TableBody>
                {board.openByAge.map((row) => (
                  <TableRow key={row.type}>
                    <TableCell>{label('type', row.type)}</TableCell>
                    {row.tickets.map((tickets, band) => (
                      <TableCell key={band} data-testid={`cc-age-${row.type}-${band}`} style={band === AGE_BANDS.length - 1 && tickets > 0 ? { color: '#C81E1E', fontWeight: 'bold' } : undefined}>
                        {number(tickets)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Box mt="default">
            <a href={ticketsWhere({ state: 'OPEN' }, 'reportedAt')}>{t('boardCcOpenList')}</a>
          </Box>
        </Box>
        <Box variant="white" p="lg" data-testid="cc-compliance">
          <H5>{t('boardCcCompliance')}</H5>
          {board.compliance.length === 0 ? (
            <Text>{t('boardCcNoCompliance')}</Text>
          ) : (
            <Table>
              <TableHead>
                <TableRow>
                  <TableCell>{t('boardCcWeek')}</TableCell>
                  <TableCell>{t('boardCcTickets')}</TableCell>
                  <TableCell>{t('boardCcAnsweredInTime')}</TableCell>
                  <TableCell>{t('boardCcResolvedInTime')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {board.compliance.map((week) => (
                  <TableRow key={week.week} data-testid={`cc-compliance-${week.week}`}>
                    <TableCell>{new Date(`${week.week}T00:00:00Z`).toLocaleDateString(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' })}</TableCell>
                    <TableCell>{number(week.tickets)}</TableCell>
                    <TableCell>{share(week.responseMet, week.responseDue)}</TableCell>
                    <TableCell>{share(week.resolutionMet, week.resolutionDue)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Box>
      </Box>
    </Box>
  );
};

export default CallCentreBoard;
