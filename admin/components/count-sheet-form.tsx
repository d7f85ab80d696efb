// "Conteo físico" on a warehouse: the count sheet to download (Excel, to print or fill in), and the same
// lines to enter the counted quantities; posted, each difference goes to the ledger as a count. Refusals
// come back beside their line. Or the downloaded sheet, filled in Excel, imported back (every problem of every
// row answered at once, nothing posted unless all are good).
import { Box, Button, FormGroup, Input, Label, Link, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import { adminRoot } from './admin-root.js';
import { csrfHeader } from './document-client.js';
import { FieldError, useRecordActionForm } from './record-action-form.js';

interface Line { materialId: number; code: string; description: string; unit: string; bin: string | null }

const CountSheetForm: React.FC<ActionProps> = ({ action, record, resource }) => {
  const { translateMessage, i18n } = useTranslation();
  const { form: lines, errors, submitting, submit } = useRecordActionForm<Line[]>({ action, record, resource });
  const [counted, setCounted] = useState<Record<number, string>>({});
  const [sourceDocument, setSourceDocument] = useState('');
  const t = (key: string, params?: Record<string, string | number>) => translateMessage(key, resource.id, params);
  const payload = () => ({ lines: (lines ?? []).map((l) => ({ materialId: l.materialId, counted: counted[l.materialId] ?? '' })), sourceDocument });

  if (!lines) return <Text>{t('formLoading')}</Text>;
  return (
    <Box>
    <CountSheetImport warehouseId={String(record!.id)} t={t} language={i18n.language} />
    <Box as="form" variant="white" p="xl" onSubmit={submit(payload())} data-testid="count-sheet">
      <MessageBox mb="lg" variant="info" message={t('countSheetIntro')} />
      <Box mb="lg">
        <Link href={`${adminRoot()}/inventory/warehouses/${record!.id}/count-sheet.xlsx?language=${i18n.language}`} data-testid="count-sheet-download">
          {t('countSheetDownload')}
        </Link>
      </Box>
      {errors.lines && <MessageBox mb="lg" variant="danger" message={errors.lines.message} />}
      {lines.length === 0 ? (
        <Text mb="lg">{t('countSheetNone')}</Text>
      ) : (
        <Box style={{ overflowX: 'auto' }} mb="lg">
          <Table>
            <TableHead>
              <TableRow>
                {['countSheetBin', 'countSheetCode', 'countSheetDescription', 'countSheetUnit', 'countSheetCounted'].map((key) => (
                  <TableCell key={key}>{t(key)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {lines.map((line, index) => (
                <TableRow key={line.materialId} data-testid={`count-line-${index}`}>
                  <TableCell>{line.bin ?? '—'}</TableCell>
                  <TableCell style={{ whiteSpace: 'nowrap' }}>{line.code}</TableCell>
                  <TableCell>{line.description}</TableCell>
                  <TableCell>{line.unit}</TableCell>
                  <TableCell>
                    <Input name={`counted-${index}`} inputMode="decimal" value={counted[line.materialId] ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setCounted({ ...counted, [line.materialId]: e.target.value })} />
                    <FieldError errors={errors} name={`lines.${index}.counted`} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <FormGroup>
        <Label>{t('countSheetSourceDocument')}</Label>
        <Input name="sourceDocument" width={1} value={sourceDocument} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSourceDocument(e.target.value)} />
      </FormGroup>
      <Button type="submit" variant="contained" disabled={submitting || lines.length === 0} data-testid="submit-count-sheet">
        {t('countSheetSubmit')}
      </Button>
    </Box>
    </Box>
  );
};

/** The filled sheet uploaded: the answer says how many lines were posted, or every problem by row. */
const CountSheetImport: React.FC<{ warehouseId: string; language: string; t: (key: string) => string }> = ({ warehouseId, language, t }) => {
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [answer, setAnswer] = useState<{ ok: boolean; message: string; errors: { field: string; message: string }[] } | null>(null);
  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file || sending) return;
    setSending(true);
    try {
      const query = new URLSearchParams({ language, reason });
      const response = await fetch(`${adminRoot()}/inventory/warehouses/${warehouseId}/count-sheet?${query}`, { method: 'POST', body: file, headers: csrfHeader(), credentials: 'same-origin' });
      const body = (await response.json()) as { message?: string; errors?: { field: string; message: string }[] };
      setAnswer({ ok: response.ok, message: body.message ?? t('forbiddenError'), errors: body.errors ?? [] });
    } catch {
      setAnswer({ ok: false, message: t('forbiddenError'), errors: [] });
    }
    setSending(false);
  };
  return (
    <Box as="form" variant="white" p="xl" mb="xl" onSubmit={send} data-testid="count-sheet-import">
      <Text as="h3" fontWeight="bold" mb="default">{t('countImportTitle')}</Text>
      <MessageBox mb="lg" variant="info" message={t('countImportIntro')} />
      <FormGroup>
        <Label required>{t('countImportChoose')}</Label>
        <input type="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </FormGroup>
      <FormGroup>
        <Label>{t('countImportReason')}</Label>
        <Input name="reason" width={1} value={reason} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setReason(e.target.value)} />
      </FormGroup>
      {answer && (
        <Box mb="lg" data-testid="count-sheet-import-answer">
          <MessageBox variant={answer.ok ? 'success' : 'danger'} message={answer.message} />
          {answer.errors.map((e) => (
            <Text key={e.field} color="error" mt="sm">
              {e.message}
            </Text>
          ))}
        </Box>
      )}
      <Button type="submit" variant="contained" disabled={!file || sending} data-testid="submit-count-sheet-import">
        {t('countImportSubmit')}
      </Button>
    </Box>
  );
};

export default CountSheetForm;
