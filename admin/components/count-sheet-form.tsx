// "Conteo físico" on a warehouse: the count sheet to download (Excel, to print or fill in), and the same
// lines to enter the counted quantities; posted, each difference goes to the ledger as a count. Refusals
// come back beside their line.
import { Box, Button, FormGroup, Input, Label, Link, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient, useNotice, useTranslation, type ActionProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { adminRoot } from './admin-root.js';

interface Line { materialId: number; code: string; description: string; unit: string; bin: string | null }

const api = new ApiClient();

const CountSheetForm: React.FC<ActionProps> = ({ action, record, resource }) => {
  const { translateMessage, i18n } = useTranslation();
  const addNotice = useNotice();
  const navigate = useNavigate();
  const [lines, setLines] = useState<Line[] | null>(null);
  const [counted, setCounted] = useState<Record<number, string>>({});
  const [sourceDocument, setSourceDocument] = useState('');
  const [errors, setErrors] = useState<Record<string, { message: string }>>({});
  const [submitting, setSubmitting] = useState(false);
  const t = (key: string, params?: Record<string, string | number>) => translateMessage(key, resource.id, params);

  useEffect(() => {
    api.recordAction({ resourceId: resource.id, recordId: record!.id, actionName: action.name }).then((response) => {
      setLines((response.data as unknown as { form: Line[] }).form);
    });
  }, [record?.id, action.name]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (submitting || !lines) return;
    setSubmitting(true);
    try {
      const response = await api.recordAction({
        resourceId: resource.id, recordId: record!.id, actionName: action.name, method: 'post',
        data: { lines: lines.map((l) => ({ materialId: l.materialId, counted: counted[l.materialId] ?? '' })), sourceDocument, language: i18n.language },
      });
      const data = response.data as { notice?: { message: string; type: 'success' | 'error' }; record?: { errors?: Record<string, { message: string }> }; redirectUrl?: string };
      if (data.notice) addNotice(data.notice);
      if (data.notice?.type === 'error') {
        setErrors(data.record?.errors ?? {});
        setSubmitting(false);
      } else if (data.redirectUrl) navigate(data.redirectUrl);
    } catch {
      addNotice({ message: 'forbiddenError', type: 'error' });
      setSubmitting(false);
    }
  };

  if (!lines) return <Text>{t('formLoading')}</Text>;
  return (
    <Box as="form" variant="white" p="xl" onSubmit={submit} data-testid="count-sheet">
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
                    {errors[`lines.${index}.counted`] && (
                      <Text color="error" mt="sm" data-testid={`error-lines.${index}.counted`}>
                        {errors[`lines.${index}.counted`]!.message}
                      </Text>
                    )}
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
