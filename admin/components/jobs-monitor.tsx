// "Monitor de trabajos" (the Flower of this system), a page for administrators: queues by state, schedules
// with their next and last run in plant time, failures, dead letters, waiting jobs and worker processes,
// with Reintentar, Cancelar and Ejecutar ahora (POST with the CSRF header; the server checks the rule).
import { Box, Button, H2, H4, MessageBox, Text } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';
import React, { useCallback, useEffect, useState } from 'react';
import { csrfHeader, readJson } from './document-client.js';

interface Job { id: string; queue: string; job: string; payload: string; error: string; retryCount: number; retryLimit: number; createdOn: string; failedOn: string | null }
interface Snapshot {
  now: string;
  timeZone: string;
  states: string[];
  queues: { queue: string; counts: Record<string, number>; completedLastHour: number; failedLastHour: number }[];
  schedules: { job: string; queue: string; cron: string; timeZone: string; nextRun: string | null; lastRun: string | null; since: string; late: boolean; canRunNow: boolean }[];
  failures: Job[];
  deadLetters: (Job & { sourceQueue: string | null; sourceId: string | null })[];
  open: (Job & { state: string; startAfter: string })[];
  workers: { id: string; name: string; host: string; pid: number; queues: string[]; heartbeatOn: string; alive: boolean }[];
}

// The page lives at <root>/pages/jobsMonitor.
const adminRoot = () => window.location.pathname.split('/pages/')[0] ?? '';
const cell: React.CSSProperties = { border: '1px solid #ddd', padding: '6px 10px', textAlign: 'left', verticalAlign: 'top' };
const numberCell: React.CSSProperties = { ...cell, textAlign: 'right' };

const Table: React.FC<{ head: string[]; children: React.ReactNode; testId: string }> = ({ head, children, testId }) => (
  <Box mb="xl" style={{ overflowX: 'auto' }}>
    <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid={testId}>
      <thead>
        <tr>{head.map((title) => <th key={title} style={cell}>{title}</th>)}</tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  </Box>
);

const JobsMonitor: React.FC = () => {
  const { translateMessage: tm, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'es';
  const [data, setData] = useState<Snapshot | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    const response = await fetch(`${adminRoot()}/jobs-monitor/data`, { credentials: 'same-origin' });
    if (!response.ok) {
      setProblem(response.status === 403 ? tm('jobsMonitorAdministratorsOnly') : tm('jobsMonitorLoadFailed'));
      return;
    }
    setProblem(null);
    setData((await response.json()) as Snapshot);
  }, [tm]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 5_000);
    return () => clearInterval(timer);
  }, [load]);

  const post = async (key: string, path: string, done: string) => {
    setBusy(key);
    try {
      const response = await fetch(`${adminRoot()}/jobs-monitor/${path}`, { method: 'POST', credentials: 'same-origin', headers: csrfHeader() });
      const body = await readJson<{ message?: string }>(response);
      setNotice(response.ok ? { ok: true, message: done } : { ok: false, message: body.message ?? tm('jobsMonitorLoadFailed') });
      await load();
    } finally {
      setBusy(null);
    }
  };

  if (problem) return <MessageBox variant="danger" message={problem} data-testid="jobs-monitor-problem" />;
  if (!data) return <Text>…</Text>;

  const when = (value: string | null) =>
    value ? new Intl.DateTimeFormat(language, { timeZone: data.timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(value)) : '—';
  const ago = (value: string) => {
    const seconds = Math.round((new Date(value).getTime() - new Date(data.now).getTime()) / 1000);
    const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    const [amount, unit] = Math.abs(seconds) < 60 ? [seconds, 'second'] : Math.abs(seconds) < 3600 ? [Math.round(seconds / 60), 'minute'] : Math.abs(seconds) < 86_400 ? [Math.round(seconds / 3600), 'hour'] : [Math.round(seconds / 86_400), 'day'];
    return relative.format(amount as number, unit as Intl.RelativeTimeFormatUnit);
  };
  const queueName = (queue: string | null) => (queue ? tm(`jobsMonitorQueue_${queue}`, undefined, { defaultValue: queue }) : '—');
  const jobName = (job: string) => tm(`jobsMonitorJob_${job}`, undefined, { defaultValue: job });
  const stateName = (state: string) => tm(`jobsMonitorState_${state}`);

  return (
    <Box variant="white" p="xl" data-testid="jobs-monitor">
      <H2>{tm('jobsMonitorTitle')}</H2>
      <Text mb="lg">{tm('jobsMonitorIntro', undefined, { timeZone: data.timeZone })}</Text>
      <Box flex flexDirection="row" alignItems="center" mb="lg" style={{ gap: 12 }}>
        <Button size="sm" onClick={() => void load()}>{tm('jobsMonitorRefresh')}</Button>
        <Text>{tm('jobsMonitorUpdatedAt', undefined, { at: when(data.now) })}</Text>
      </Box>
      {notice && <MessageBox mb="lg" variant={notice.ok ? 'success' : 'danger'} message={notice.message} onCloseClick={() => setNotice(null)} data-testid="jobs-monitor-notice" />}

      <H4>{tm('jobsMonitorQueues')}</H4>
      <Table testId="jobs-monitor-queues" head={[tm('jobsMonitorQueue'), ...data.states.map(stateName), tm('jobsMonitorLastHour')]}>
        {data.queues.map((queue) => (
          <tr key={queue.queue} data-testid={`queue-${queue.queue}`}>
            <td style={cell}>{queueName(queue.queue)}</td>
            {data.states.map((state) => <td key={state} style={numberCell} data-testid={`queue-${queue.queue}-${state}`}>{queue.counts[state] ?? 0}</td>)}
            <td style={cell}>{tm('jobsMonitorThroughput', undefined, { completed: queue.completedLastHour, failed: queue.failedLastHour })}</td>
          </tr>
        ))}
      </Table>

      <H4>{tm('jobsMonitorSchedules')}</H4>
      <Table testId="jobs-monitor-schedules" head={[tm('jobsMonitorJob'), tm('jobsMonitorQueue'), tm('jobsMonitorCron'), tm('jobsMonitorTimeZone'), tm('jobsMonitorNextRun'), tm('jobsMonitorLastRun'), '', '']}>
        {data.schedules.map((schedule) => (
          <tr key={`${schedule.queue}-${schedule.job}`} data-testid={`schedule-${schedule.job}`}>
            <td style={cell}>{jobName(schedule.job)}</td>
            <td style={cell}>{queueName(schedule.queue)}</td>
            <td style={{ ...cell, whiteSpace: 'nowrap' }}><code>{schedule.cron}</code></td>
            <td style={cell}>{schedule.timeZone}</td>
            <td style={cell}>{when(schedule.nextRun)}</td>
            <td style={cell}>{schedule.lastRun ? `${when(schedule.lastRun)} (${ago(schedule.lastRun)})` : tm('jobsMonitorNeverRan', undefined, { since: when(schedule.since) })}</td>
            <td style={{ ...cell, color: schedule.late ? '#c20012' : undefined }}>{schedule.late ? tm('jobsMonitorLate') : tm('jobsMonitorOnTime')}</td>
            <td style={cell}>
              {schedule.canRunNow && (
                <Button size="sm" variant="outlined" disabled={busy !== null} onClick={() => void post(`run-${schedule.job}`, `schedules/${encodeURIComponent(schedule.job)}/run`, tm('jobsMonitorRunNowDone', undefined, { job: jobName(schedule.job) }))}>
                  {tm('jobsMonitorRunNow')}
                </Button>
              )}
            </td>
          </tr>
        ))}
      </Table>

      <H4>{tm('jobsMonitorFailures')}</H4>
      {data.failures.length === 0 ? <Text mb="xl">{tm('jobsMonitorNoFailures')}</Text> : (
        <Table testId="jobs-monitor-failures" head={[tm('jobsMonitorJob'), tm('jobsMonitorQueue'), tm('jobsMonitorError'), tm('jobsMonitorPayload'), tm('jobsMonitorAttempts'), tm('jobsMonitorFailedAt'), '']}>
          {data.failures.map((job) => (
            <tr key={job.id} data-testid={`failure-${job.id}`}>
              <td style={cell}>{jobName(job.job)}</td>
              <td style={cell}>{queueName(job.queue)}</td>
              <td style={cell}>{job.error}</td>
              <td style={cell}><code>{job.payload}</code></td>
              <td style={numberCell}>{job.retryCount + 1}</td>
              <td style={cell}>{when(job.failedOn)}</td>
              <td style={cell}>
                <Button size="sm" disabled={busy !== null} onClick={() => void post(`retry-${job.id}`, `jobs/${job.queue}/${job.id}/retry`, tm('jobsMonitorRetryDone'))}>{tm('jobsMonitorRetry')}</Button>
              </td>
            </tr>
          ))}
        </Table>
      )}

      <H4>{tm('jobsMonitorDeadLetters')}</H4>
      {data.deadLetters.length === 0 ? <Text mb="xl">{tm('jobsMonitorNoDeadLetters')}</Text> : (
        <Table testId="jobs-monitor-dead-letters" head={[tm('jobsMonitorJob'), tm('jobsMonitorQueue'), tm('jobsMonitorError'), tm('jobsMonitorPayload'), tm('jobsMonitorFailedAt'), '']}>
          {data.deadLetters.map((letter) => (
            <tr key={letter.id} data-testid={`dead-letter-${letter.sourceId ?? letter.id}`}>
              <td style={cell}>{jobName(letter.job)}</td>
              <td style={cell}>{queueName(letter.sourceQueue)}</td>
              <td style={cell}>{letter.error}</td>
              <td style={cell}><code>{letter.payload}</code></td>
              <td style={cell}>{when(letter.createdOn)}</td>
              <td style={cell}>
                {letter.sourceQueue && letter.sourceId && (
                  <Button size="sm" variant="outlined" disabled={busy !== null} onClick={() => void post(`retry-${letter.sourceId}`, `jobs/${letter.sourceQueue}/${letter.sourceId}/retry`, tm('jobsMonitorRetryDone'))}>{tm('jobsMonitorRetryOriginal')}</Button>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}

      <H4>{tm('jobsMonitorWaiting')}</H4>
      {data.open.length === 0 ? <Text mb="xl">{tm('jobsMonitorNoneWaiting')}</Text> : (
        <Table testId="jobs-monitor-open" head={[tm('jobsMonitorJob'), tm('jobsMonitorQueue'), tm('jobsMonitorState'), tm('jobsMonitorPayload'), tm('jobsMonitorNextRun'), '']}>
          {data.open.map((job) => (
            <tr key={job.id} data-testid={`open-${job.id}`}>
              <td style={cell}>{jobName(job.job)}</td>
              <td style={cell}>{queueName(job.queue)}</td>
              <td style={cell}>{stateName(job.state)}</td>
              <td style={cell}><code>{job.payload}</code></td>
              <td style={cell}>{when(job.startAfter)}</td>
              <td style={cell}>
                <Button size="sm" variant="danger" disabled={busy !== null} onClick={() => window.confirm(tm('jobsMonitorConfirmCancel')) && void post(`cancel-${job.id}`, `jobs/${job.queue}/${job.id}/cancel`, tm('jobsMonitorCancelDone'))}>{tm('jobsMonitorCancel')}</Button>
              </td>
            </tr>
          ))}
        </Table>
      )}

      <H4>{tm('jobsMonitorWorkers')}</H4>
      {data.workers.some((worker) => worker.alive) ? null : <MessageBox mb="lg" variant="danger" message={tm('jobsMonitorNoWorkers')} />}
      <Table testId="jobs-monitor-workers" head={[tm('jobsMonitorWorker'), tm('jobsMonitorHost'), tm('jobsMonitorQueues'), tm('jobsMonitorHeartbeat'), '']}>
        {data.workers.map((worker) => (
          <tr key={worker.id}>
            <td style={cell}>{worker.name}</td>
            <td style={cell}>{`${worker.host} (pid ${worker.pid})`}</td>
            <td style={cell}>{worker.queues.map((queue) => queueName(queue)).join(', ')}</td>
            <td style={cell}>{`${when(worker.heartbeatOn)} (${ago(worker.heartbeatOn)})`}</td>
            <td style={{ ...cell, color: worker.alive ? '#007a3d' : '#c20012' }}>{worker.alive ? tm('jobsMonitorAlive') : tm('jobsMonitorGone')}</td>
          </tr>
        ))}
      </Table>
    </Box>
  );
};

export default JobsMonitor;
