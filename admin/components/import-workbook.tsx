// "Importar desde Excel": template download, file and mode, then either "Validar sin importar" (the
// preview: columns recognised and unassigned headers to assign, counts of new / changed / unchanged /
// rejected rows, the first rows of each, every unknown value with its count and a choice of what it
// means, remembered for the kind) followed by "Importar" on the same stored file, or "Importar" at once.
// A run's live progress is pushed over the page's event stream (/admin/events) until it ends, with the
// error report to download; its status is asked once at first, and slowly while the stream is down.
// The run's id goes into the address (?run= or ?preview=), so a reload keeps showing it. The same
// component shows that progress on an ImportRun's page.
import { Box, Button, H3, Label, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps, type ShowPropertyProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import type { ImportSummary } from '../../domain/imports/import-summary.js';
import { adminRoot } from './admin-root.js';
import { liveStreamOpen, onImportProgress } from './live-events.js';

// The preview's summary as the import job keeps it (types only: erased from the browser bundle).
interface ImportStatus {
  id: number;
  kind: string;
  state: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
  rowsTotal: number | null;
  rowsRead: number;
  rowsValid: number;
  rowsRejected: number;
  rowsWritten: number;
  rowsNew: number;
  rowsChanged: number;
  rowsUnchanged: number;
  preview: boolean;
  createMissing: boolean;
  summary: ImportSummary | null;
  attempts: number;
  errorMessage: string | null;
  hasErrorReport: boolean;
  filesRemoved: boolean;
  finished: boolean;
}


// Asked again this often while the event stream is down (a dropped connection, a proxy that buffers),
// and, as a safety net, while it is up.
const FALLBACK_POLL_MS = 3_000;
const SAFETY_POLL_MS = 20_000;

/** The run's status: asked once, then pushed by the event stream until it ends. */
function useImportStatus(runId: number): { status: ImportStatus | null; failure: string | null } {
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    setStatus(null);
    let stopped = false;
    let finished = false;
    let lastPushed = 0;
    let timer: ReturnType<typeof setTimeout>;
    const show = (next: ImportStatus) => {
      if (stopped || next.id !== runId) return;
      setStatus(next);
      if (next.finished) {
        finished = true;
        clearTimeout(timer);
      }
    };
    const stopPushes = onImportProgress<ImportStatus>((next) => {
      if (next.id !== runId) return;
      lastPushed = Date.now();
      show(next);
    });
    const poll = async () => {
      const asked = Date.now();
      try {
        const response = await fetch(`${adminRoot()}/imports/runs/${runId}/status`, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(String(response.status));
        const next = (await response.json()) as ImportStatus;
        // A push that came while this answer travelled is newer than it.
        if (lastPushed <= asked) show(next);
      } catch (error) {
        if (!stopped) setFailure(String((error as Error).message));
        return;
      }
      if (!stopped && !finished) timer = setTimeout(poll, liveStreamOpen() ? SAFETY_POLL_MS : FALLBACK_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      stopPushes();
      clearTimeout(timer);
    };
  }, [runId]);
  return { status, failure };
}

const ImportProgressBar: React.FC<{ runId: number }> = ({ runId }) => {
  const { translateMessage, translateLabel } = useTranslation();
  const { status, failure } = useImportStatus(runId);
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
          new: status.rowsNew,
          changed: status.rowsChanged,
          unchanged: status.rowsUnchanged,
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
      {status.filesRemoved ? (
        <Text mt="default">{translateMessage('importFilesRemoved')}</Text>
      ) : (
        <Text mt="default">
          <a href={`${adminRoot()}/imports/runs/${status.id}/file`} data-testid="import-original-file">
            {translateMessage('importDownloadFile')}
          </a>
        </Text>
      )}
      <CreatedEntries summary={status.summary} />
      {status.hasErrorReport && !status.filesRemoved ? (
        <Button as="a" mt="lg" href={`${adminRoot()}/imports/runs/${status.id}/errors.xlsx`} data-testid="import-error-report">
          {translateMessage('importDownloadErrors')}
        </Button>
      ) : null}
    </Box>
  );
};

const CreatedEntries: React.FC<{ summary: ImportSummary | null }> = ({ summary }) => {
  const { translateMessage } = useTranslation();
  if (!summary?.created.length) return null;
  const values = summary.created.flatMap((entry) => entry.values).join(', ');
  return (
    <Text mt="default" data-testid="import-created">
      {translateMessage('importCreated', undefined, { values })}
    </Text>
  );
};

interface FieldInfo {
  field: string;
  label: string;
  required: boolean;
  type: string;
  choices?: { code: string; label: string }[];
}

const postJson = (url: string, body?: unknown) =>
  fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-xsrf-token': xsrfToken() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** An unknown reference ("Bombas centrif.") mapped to an existing entry, picked among those whose code
 * or name holds what the clerk types (asked from the server as he types). */
const ReferenceMapper: React.FC<{ kind: string; field: string; value: string; saved: boolean; onSave: (target: string) => void }> = ({ kind, field, value, saved, onSave }) => {
  const { translateMessage } = useTranslation();
  const [typed, setTyped] = useState('');
  const [entries, setEntries] = useState<{ code: string; name: string | null }[]>([]);
  useEffect(() => {
    if (!typed.trim()) return setEntries([]);
    let current = true;
    void fetch(`${adminRoot()}/imports/${kind}/references/${encodeURIComponent(field)}?q=${encodeURIComponent(typed)}`, { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : { entries: [] }))
      .then((body: { entries: { code: string; name: string | null }[] }) => current && setEntries(body.entries));
    return () => {
      current = false;
    };
  }, [kind, field, typed]);
  const list = `import-references-${field}-${value}`;
  return (
    <>
      <input
        data-testid={`import-map-reference-${field}-${value}`}
        list={list}
        value={typed}
        placeholder={translateMessage('importPreviewMapToExisting')}
        title={translateMessage('importPreviewMapToExistingHelp')}
        onChange={(event) => setTyped(event.target.value)}
      />
      <datalist id={list}>
        {entries.map((entry) => (
          <option key={entry.code} value={entry.code}>
            {entry.name ?? entry.code}
          </option>
        ))}
      </datalist>
      <Button type="button" size="sm" ml="default" disabled={!typed.trim()} data-testid={`import-map-reference-save-${field}-${value}`} onClick={() => onSave(typed.trim())}>
        {translateMessage('importPreviewMapSave')}
      </Button>
      {saved ? <Text as="span" ml="default" data-testid="import-map-saved">✓</Text> : null}
      <Text fontSize="sm" color="grey60">
        {translateMessage('importPreviewUnknownReference')}
      </Text>
    </>
  );
};

const cellStyle: React.CSSProperties = { border: '1px solid #ddd', padding: '4px 8px', textAlign: 'left', verticalAlign: 'top', fontSize: 13 };

/** The preview of a file: what the import would do, and the clerk's mappings of what it did not know. */
const ImportPreview: React.FC<{ runId: number; onImport: () => void; onValidateAgain: () => void; busy: boolean }> = ({ runId, onImport, onValidateAgain, busy }) => {
  const { translateMessage } = useTranslation();
  const { status, failure } = useImportStatus(runId);
  const [fields, setFields] = useState<FieldInfo[]>([]);
  const [saved, setSaved] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const kind = status?.kind;

  useEffect(() => {
    if (!kind) return;
    void fetch(`${adminRoot()}/imports/${kind}/fields`, { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : { fields: [] }))
      .then((body: { fields: FieldInfo[] }) => setFields(body.fields));
  }, [kind]);

  if (failure) return <Text color="error">{translateMessage('importStatusUnavailable')}</Text>;
  if (!status || !status.finished)
    return (
      <Text data-testid="import-preview-running">
        {translateMessage('importPreviewRunning', undefined, { read: status?.rowsRead ?? 0, total: status?.rowsTotal ?? '?' })}
      </Text>
    );
  const summary = status.summary;
  const labelOf = (field: string) => fields.find((f) => f.field === field)?.label ?? field;

  const remember = async (key: string, body: unknown) => {
    setRefusal(null);
    const response = await postJson(`${adminRoot()}/imports/${status.kind}/mappings`, body);
    if (response.ok) setSaved((before) => ({ ...before, [key]: 'ok' }));
    else setRefusal(((await response.json().catch(() => ({}))) as { message?: string }).message ?? translateMessage('importRefused'));
  };

  return (
    <Box data-testid="import-preview" data-state={status.state}>
      <Text mb="lg" data-testid="import-preview-counters">
        {translateMessage('importPreviewCounters', undefined, {
          read: status.rowsRead, new: status.rowsNew, changed: status.rowsChanged, unchanged: status.rowsUnchanged, rejected: status.rowsRejected,
        })}
      </Text>
      {status.errorMessage ? (
        <Text mb="lg" color="error" data-testid="import-error-message">
          {status.errorMessage}
        </Text>
      ) : null}
      {summary?.missingFields.length ? (
        <Text mb="lg" color="error">
          {translateMessage('importPreviewMissing', undefined, { fields: summary.missingFields.map(labelOf).join(', ') })}
        </Text>
      ) : null}
      {summary?.columns.length ? (
        <Box mb="lg" data-testid="import-preview-columns">
          <Label>{translateMessage('importPreviewColumns')}</Label>
          <Text>{summary.columns.map((c) => `${c.header} → ${labelOf(c.field)}`).join(' · ')}</Text>
        </Box>
      ) : null}
      {summary?.unrecognisedHeaders.length ? (
        <Box mb="lg" data-testid="import-preview-unrecognised">
          <Label>{translateMessage('importPreviewUnrecognised')}</Label>
          {summary.unrecognisedHeaders.map((header) => (
            <Box key={header} mb="sm">
              <Text as="span" mr="default">
                {header}
              </Text>
              <select data-testid={`import-map-header-${header}`} defaultValue="" onChange={(event) => void remember(`header:${header}`, { header, field: event.target.value })}>
                <option value="">{translateMessage('importPreviewUnused')}</option>
                {fields.filter((f) => !summary.columns.some((c) => c.field === f.field)).map((f) => (
                  <option key={f.field} value={f.field}>
                    {f.label}
                  </option>
                ))}
              </select>
              {saved[`header:${header}`] ? <Text as="span" ml="default">✓</Text> : null}
            </Box>
          ))}
        </Box>
      ) : null}
      {summary?.unknownValues.length ? (
        <Box mb="lg" data-testid="import-preview-unknown">
          <Label>{translateMessage('importPreviewUnknownValues')}</Label>
          <Text mb="default">{translateMessage('importPreviewUnknownHelp')}</Text>
          {summary.unknownValues.map((column) => {
            const choices = fields.find((f) => f.field === column.field)?.choices;
            return (
              <table key={column.field} style={{ borderCollapse: 'collapse', marginBottom: 12 }} data-testid={`import-unknown-${column.field}`}>
                <thead>
                  <tr>
                    <th style={cellStyle}>{column.header}</th>
                    <th style={cellStyle}>{translateMessage('importPreviewRows')}</th>
                    <th style={cellStyle} />
                  </tr>
                </thead>
                <tbody>
                  {column.values.map(({ value, count }) => (
                    <tr key={value}>
                      <td style={cellStyle}>{value}</td>
                      <td style={cellStyle}>{count}</td>
                      <td style={cellStyle}>
                        {column.type === 'choice' && choices ? (
                          <>
                            <select
                              data-testid={`import-map-value-${column.field}-${value}`}
                              defaultValue=""
                              onChange={(event) => void remember(`value:${column.field}:${value}`, { field: column.field, value, target: event.target.value })}
                            >
                              <option value="">{translateMessage('importPreviewMapTo')}</option>
                              {choices.map((choice) => (
                                <option key={choice.code} value={choice.code}>
                                  {choice.label}
                                </option>
                              ))}
                            </select>
                            {saved[`value:${column.field}:${value}`] ? <Text as="span" ml="default" data-testid="import-map-saved">✓</Text> : null}
                          </>
                        ) : column.type === 'reference' ? (
                          <ReferenceMapper
                            kind={status.kind}
                            field={column.field}
                            value={value}
                            saved={!!saved[`value:${column.field}:${value}`]}
                            onSave={(target) => void remember(`value:${column.field}:${value}`, { field: column.field, value, target })}
                          />
                        ) : (
                          translateMessage('importPreviewUnknownReference')
                        )}
                      </td>
                    </tr>
                  ))}
                  {column.more ? (
                    <tr>
                      <td style={cellStyle} colSpan={3}>
                        {translateMessage('importPreviewMore')}
                      </td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            );
          })}
        </Box>
      ) : null}
      {Object.keys(saved).length ? <Text mb="lg">{translateMessage('importPreviewSaved')}</Text> : null}
      {summary?.created.length ? (
        <Text mb="lg" data-testid="import-would-create">
          {translateMessage('importWouldCreate', undefined, { values: summary.created.flatMap((entry) => entry.values).join(', ') })}
        </Text>
      ) : null}
      {summary
        ? (['new', 'changed', 'unchanged', 'rejected'] as const).map((outcome) =>
            summary.samples[outcome].length ? (
              <Box key={outcome} mb="lg" data-testid={`import-preview-${outcome}`}>
                <Label>{translateMessage(`importPreviewOutcome_${outcome}`)}</Label>
                <table style={{ borderCollapse: 'collapse' }}>
                  <thead>
                    <tr>
                      <th style={cellStyle}>{translateMessage('importPreviewRow')}</th>
                      {summary.columns.map((c) => (
                        <th key={c.field} style={cellStyle}>
                          {c.header}
                        </th>
                      ))}
                      {outcome === 'changed' ? <th style={cellStyle}>{translateMessage('importPreviewChanges')}</th> : null}
                      {outcome === 'rejected' ? <th style={cellStyle}>{translateMessage('importPreviewProblems')}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {summary.samples[outcome].map((row) => (
                      <tr key={row.row}>
                        <td style={cellStyle}>{row.row}</td>
                        {summary.columns.map((c) => (
                          <td key={c.field} style={cellStyle}>
                            {row.cells[c.field] ?? ''}
                          </td>
                        ))}
                        {outcome === 'changed' ? <td style={cellStyle}>{(row.changed ?? []).map(labelOf).join(', ')}</td> : null}
                        {outcome === 'rejected' ? (
                          <td style={cellStyle}>
                            {(row.errors ?? []).map((e, i) => (
                              <div key={i}>{e.column ? `${e.column}: ${e.reason}` : e.reason}</div>
                            ))}
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Box>
            ) : null,
          )
        : null}
      {refusal ? (
        <Text mb="lg" color="error" data-testid="import-refusal">
          {refusal}
        </Text>
      ) : null}
      <Box>
        <Button mr="default" disabled={busy} onClick={onValidateAgain} data-testid="import-preview-again">
          {translateMessage('importPreviewAgain')}
        </Button>
        <Button variant="contained" disabled={busy || status.filesRemoved} onClick={onImport} data-testid="import-preview-import">
          {translateMessage('importPreviewImport')}
        </Button>
      </Box>
    </Box>
  );
};


const xsrfToken = () => decodeURIComponent(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(document.cookie)?.[1] ?? '');

const ImportForm: React.FC<ActionProps> = ({ action, resource }) => {
  const { translateMessage } = useTranslation();
  const { kind, canCreateMissing } = action.custom as { kind: string; canCreateMissing?: boolean };
  const query = () => new URLSearchParams(window.location.search);
  const [runId, setRunId] = useState<number | null>(() => Number(query().get('run')) || null);
  const [previewId, setPreviewId] = useState<number | null>(() => Number(query().get('preview')) || null);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'ALL_OR_NOTHING' | 'VALID_ROWS'>('ALL_OR_NOTHING');
  const [createMissing, setCreateMissing] = useState(false);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  /** Shows a run (a preview or an import) and puts it in the address, so a reload keeps it. */
  const show = (id: number, preview: boolean) => {
    const url = new URL(window.location.href);
    url.searchParams.delete(preview ? 'run' : 'preview');
    url.searchParams.set(preview ? 'preview' : 'run', String(id));
    window.history.replaceState(null, '', url);
    if (preview) {
      setPreviewId(id);
      setRunId(null);
    } else setRunId(id);
  };

  const started = async (response: Response, preview: boolean) => {
    const body = (await response.json().catch(() => ({}))) as { id?: number; message?: string };
    if (response.status !== 202 || !body.id) {
      setRefusal(body.message && body.message !== 'forbiddenError' ? body.message : translateMessage('importRefused'));
      return;
    }
    show(body.id, preview);
  };

  const flags = (preview: boolean) => ({ mode, preview: preview ? '1' : '0', createMissing: createMissing ? '1' : '0' });

  const upload = async (preview: boolean) => {
    if (!file) return;
    setSending(true);
    setRefusal(null);
    try {
      const params = new URLSearchParams({ ...flags(preview), fileName: file.name });
      const response = await fetch(`${adminRoot()}/imports/${kind}?${params}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/octet-stream', 'x-xsrf-token': xsrfToken() },
        body: file,
      });
      await started(response, preview);
    } finally {
      setSending(false);
    }
  };

  /** "Importar" or "Validar de nuevo" on the file the preview stored. */
  const rerun = async (preview: boolean) => {
    if (!previewId) return;
    setSending(true);
    setRefusal(null);
    try {
      await started(await postJson(`${adminRoot()}/imports/runs/${previewId}/rerun?${new URLSearchParams(flags(preview))}`), preview);
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
        {canCreateMissing ? (
          <label style={{ display: 'block', marginTop: 10 }}>
            <input type="checkbox" checked={createMissing} onChange={(event) => setCreateMissing(event.target.checked)} data-testid="import-create-missing" />{' '}
            {translateMessage('importCreateMissing')}
          </label>
        ) : null}
      </Box>
      <Text mb="default">{translateMessage('importPreviewHelp')}</Text>
      <Button mr="default" disabled={!file || sending} onClick={() => void upload(true)} data-testid="import-preview-submit">
        {translateMessage('importPreview')}
      </Button>
      <Button variant="contained" disabled={!file || sending} onClick={() => void upload(false)} data-testid="import-submit">
        {translateMessage('importSubmit')}
      </Button>
      {refusal ? (
        <Text mt="lg" color="error" data-testid="import-refusal">
          {refusal}
        </Text>
      ) : null}
      {previewId && !runId ? (
        <Box mt="xl">
          <ImportPreview runId={previewId} busy={sending} onImport={() => void rerun(false)} onValidateAgain={() => void rerun(true)} />
        </Box>
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
