// "Conteo físico" on a warehouse: the count sheet to download (Excel, to print or fill in), and the same
// lines to enter the counted quantities; posted, each difference goes to the ledger as a count. Refusals
// come back beside their line.
import { Box, Button, FormGroup, Input, Label, Link, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import { adminRoot } from './admin-root.js';
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
  );
};

export default CountSheetForm;
