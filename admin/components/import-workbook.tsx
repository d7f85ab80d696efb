// "Importar desde Excel": template download, file and mode, upload; then the live progress of the run
// (rows read, valid, rejected, written), polled from its status until it ends, with the error report
// to download. The run's id goes into the address, so a reload keeps showing its progress. The same
// component shows that progress on an ImportRun's page.
import { Box, Button, H3, Label, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps, type ShowPropertyProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { adminRoot } from './admin-root.js';

interface ImportStatus {
  id: number;
  state: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
  rowsTotal: number | null;
  rowsRead: number;
  rowsValid: number;
  rowsRejected: number;
  rowsWritten: number;
  attempts: number;
  errorMessage: string | null;
  hasErrorReport: boolean;
  finished: boolean;
}


const ImportProgressBar: React.FC<{ runId: number }> = ({ runId }) => {
  const { translateMessage, translateLabel } = useTranslation();
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const response = await fetch(`${adminRoot()}/imports/runs/${runId}/status`, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(String(response.status));
        const next = (await response.json()) as ImportStatus;
        if (stopped) return;
        setStatus(next);
        if (!next.finished) timer = setTimeout(poll, 700);
      } catch (error) {
        if (!stopped) setFailure(String((error as Error).message));
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [runId]);

  if (failure) return <Text color="error">{translateMessage('importStatusUnavailable')}</Text>;
  if (!status) return <Text>…</Text>;
  const percent = status.finished ? 100 : status.rowsTotal ? Math.min(99, Math.floor((status.rowsRead / status.rowsTotal) * 100)) : 0;
  const color = status.state === 'FAILED' ? '#c0392b' : status.state === 'PARTIAL' ? '#e67e22' : '#27ae60';
  return (
    <Box data-testid="import-progress" data-state={status.state}>
      <Box style={{ background: '#eee', borderRadius: 4, height: 22, overflow: 'hidden' }}>
        <Box
          data-testid="import-progress-bar"
          role="progressbar"
          aria-valuenow={percent}
          aria-valuemin={0}
          aria-valuemax={100}
          style={{ width: `${percent}%`, height: '100%', background: color, color: '#fff', fontSize: 12, lineHeight: '22px', paddingLeft: 6, transition: 'width .3s' }}
        >
          {percent} %
        </Box>
      </Box>
      <Text mt="default" data-testid="import-counters">
        {translateMessage('importCounters', undefined, {
          read: status.rowsRead,
          total: status.rowsTotal ?? '?',
          valid: status.rowsValid,
          rejected: status.rowsRejected,
          written: status.rowsWritten,
        })}
      </Text>
      <Text mt="default" data-testid="import-state">
        {translateLabel(`importState_${status.state}`)}
        {status.attempts > 1 ? ` · ${translateMessage('importAttempts', undefined, { attempts: status.attempts })}` : ''}
      </Text>
      {status.errorMessage ? (
        <Text mt="default" color="error" data-testid="import-error-message">
          {status.errorMessage}
        </Text>
      ) : null}
      <Text mt="default">
        <a href={`${adminRoot()}/imports/runs/${status.id}/file`} data-testid="import-original-file">
          {translateMessage('importDownloadFile')}
        </a>
      </Text>
      {status.hasErrorReport ? (
        <Button as="a" mt="lg" href={`${adminRoot()}/imports/runs/${status.id}/errors.xlsx`} data-testid="import-error-report">
          {translateMessage('importDownloadErrors')}
        </Button>
      ) : null}
    </Box>
  );
};


const xsrfToken = () => decodeURIComponent(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(document.cookie)?.[1] ?? '');

const ImportForm: React.FC<ActionProps> = ({ action, resource }) => {
  const { translateMessage } = useTranslation();
  const kind = (action.custom as { kind: string }).kind;
  const [runId, setRunId] = useState<number | null>(() => Number(new URLSearchParams(window.location.search).get('run')) || null);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'ALL_OR_NOTHING' | 'VALID_ROWS'>('ALL_OR_NOTHING');
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const upload = async () => {
    if (!file) return;
    setSending(true);
    setRefusal(null);
    try {
      const query = new URLSearchParams({ mode, fileName: file.name });
      const response = await fetch(`${adminRoot()}/imports/${kind}?${query}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/octet-stream', 'x-xsrf-token': xsrfToken() },
        body: file,
      });
      const body = (await response.json().catch(() => ({}))) as { id?: number; message?: string };
      if (response.status !== 202 || !body.id) {
        setRefusal(body.message && body.message !== 'forbiddenError' ? body.message : translateMessage('importRefused'));
        return;
      }
      const url = new URL(window.location.href);
      url.searchParams.set('run', String(body.id));
      window.history.replaceState(null, '', url);
      setRunId(body.id);
    } finally {
      setSending(false);
    }
  };

  return (
    <Box variant="white" p="xl" data-testid="import-workbook">
      <H3>{translateMessage('importTitle', resource.id)}</H3>
      <Text mb="lg">{translateMessage('importHelp')}</Text>
      <Button as="a" href={`${adminRoot()}/imports/${kind}/template.xlsx`} mb="xl" data-testid="import-template">
        {translateMessage('importDownloadTemplate')}
      </Button>
      <Box mb="lg">
        <Label htmlFor="import-file">{translateMessage('importFile')}</Label>
        <input id="import-file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="import-file" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      </Box>
      <Box mb="lg">
        {(['ALL_OR_NOTHING', 'VALID_ROWS'] as const).map((value) => (
          <label key={value} style={{ display: 'block', marginBottom: 6 }}>
            <input type="radio" name="import-mode" value={value} checked={mode === value} onChange={() => setMode(value)} data-testid={`import-mode-${value}`} />{' '}
            {translateMessage(`importMode_${value}`)}
          </label>
        ))}
      </Box>
      <Button variant="contained" disabled={!file || sending} onClick={upload} data-testid="import-submit">
        {translateMessage('importSubmit')}
      </Button>
      {refusal ? (
        <Text mt="lg" color="error" data-testid="import-refusal">
          {refusal}
        </Text>
      ) : null}
      {runId ? (
        <Box mt="xl">
          <ImportProgressBar runId={runId} />
          <Text mt="default">
            <a href={`${adminRoot()}/resources/ImportRun/records/${runId}/show`}>{translateMessage('importSeeRun', undefined, { id: runId })}</a>
          </Text>
        </Box>
      ) : null}
    </Box>
  );
};

/** An action page (the upload form) or an ImportRun's show page (its progress). */
const ImportWorkbook: React.FC<ActionProps | ShowPropertyProps> = (props) =>
  'property' in props && props.property ? (
    <Box mb="xl">
      <ImportProgressBar runId={Number(props.record?.id)} />
    </Box>
  ) : (
    <ImportForm {...(props as ActionProps)} />
  );

export default ImportWorkbook;
