// "Saldos iniciales" on the stock list: the template to download and the filled sheet to upload; the
// answer says how many levels were posted, or every problem of every row (row, column, why).
import { Box, Button, FormGroup, Label, Link, MessageBox, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import { adminRoot } from './admin-root.js';
import { csrfHeader } from './document-client.js';

const OpeningBalancesForm: React.FC<ActionProps> = ({ resource }) => {
  const { translateMessage, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [answer, setAnswer] = useState<{ ok: boolean; message: string; errors: { field: string; message: string }[] } | null>(null);
  const [sending, setSending] = useState(false);
  const t = (key: string) => translateMessage(key, resource.id);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file || sending) return;
    setSending(true);
    try {
      const response = await fetch(`${adminRoot()}/inventory/opening-balances?language=${i18n.language}`, { method: 'POST', body: file, headers: csrfHeader(), credentials: 'same-origin' });
      const body = (await response.json()) as { message?: string; errors?: { field: string; message: string }[] };
      setAnswer({ ok: response.ok, message: body.message ?? t('forbiddenError'), errors: body.errors ?? [] });
    } catch {
      setAnswer({ ok: false, message: t('forbiddenError'), errors: [] });
    }
    setSending(false);
  };

  return (
    <Box as="form" variant="white" p="xl" onSubmit={submit} data-testid="opening-balances">
      <MessageBox mb="lg" variant="info" message={t('openingBalancesIntro')} />
      <Box mb="lg">
        <Link href={`${adminRoot()}/inventory/opening-balances/template.xlsx?language=${i18n.language}`}>{t('openingBalancesTemplate')}</Link>
      </Box>
      <FormGroup>
        <Label required>{t('openingBalancesChoose')}</Label>
        <input type="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </FormGroup>
      {answer && (
        <Box mb="lg" data-testid="opening-balances-answer">
          <MessageBox variant={answer.ok ? 'success' : 'danger'} message={answer.message} />
          {answer.errors.map((e) => (
            <Text key={e.field} color="error" mt="sm">
              {e.message}
            </Text>
          ))}
        </Box>
      )}
      <Button type="submit" variant="contained" disabled={!file || sending} data-testid="submit-opening-balances">
        {t('openingBalancesSubmit')}
      </Button>
    </Box>
  );
};

export default OpeningBalancesForm;
