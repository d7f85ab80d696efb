// "Imprimir etiquetas QR" on the asset list, in a drawer over it (the list's filters stay in the address):
// choose the label format; the sheet is asked by POST with the CSRF header (printing gives assets without
// one their portal link) and saved as a file.
import { Box, Button, Label, MessageBox, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import { adminRoot, csrfHeader, readJson } from '../components/document-client.js';

const FORMATS = [
  ['L7163', 'Avery L7163 · A4 · 2 × 7'],
  ['L7159', 'Avery L7159 · A4 · 3 × 8'],
  ['5160', 'Avery 5160 · Letter · 3 × 10'],
] as const;

const PrintLabels: React.FC<ActionProps> = () => {
  const { translateMessage, i18n } = useTranslation();
  const [format, setFormat] = useState<string>('L7163');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const print = async () => {
    setBusy(true);
    setError(null);
    const query = new URLSearchParams([...new URLSearchParams(window.location.search)].filter(([key]) => key.startsWith('filters.')));
    query.set('format', format);
    query.set('lang', i18n.language === 'en' ? 'en' : 'es');
    try {
      const response = await fetch(`${adminRoot()}/printables/labels.pdf?${query}`, { method: 'POST', headers: csrfHeader(), credentials: 'same-origin' });
      if (!response.ok) return setError((await readJson<object>(response)).message ?? String(response.status));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = `${translateMessage('labelsFile')}-${format}.pdf`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box variant="white" p="xl">
      <Text mb="lg">{translateMessage('labelsIntro')}</Text>
      <Label htmlFor="labels-format">{translateMessage('labelsFormat')}</Label>
      <select id="labels-format" value={format} onChange={(e) => setFormat(e.target.value)} style={{ display: 'block', marginBottom: 16, padding: 8 }}>
        {FORMATS.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
      </select>
      {error && <MessageBox mb="lg" variant="danger" message={error} data-testid="labels-error" />}
      <Button variant="contained" onClick={print} disabled={busy} data-testid="print-labels">{translateMessage('labelsButton')}</Button>
    </Box>
  );
};

export default PrintLabels;
