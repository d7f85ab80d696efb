// "Subir revisión": picks a file and posts it (multipart) to /admin/documents/:id/revisions, which checks
// the rules, the size and the type by its bytes; every upload becomes the document's next revision.
import { Box, Button, Label, MessageBox, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import { adminRoot, csrfHeader, readJson } from './document-client.js';

const UploadRevision: React.FC<ActionProps> = ({ record }) => {
  const { translateMessage } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) return setOutcome({ ok: false, message: translateMessage('fileMissing') });
    setBusy(true);
    const body = new FormData();
    body.set('file', file);
    try {
      const response = await fetch(`${adminRoot()}/documents/${record!.id}/revisions`, { method: 'POST', body, headers: csrfHeader(), credentials: 'same-origin' });
      const answer = await readJson<{ revision?: { number: number } }>(response);
      setOutcome({ ok: response.ok, message: answer.message ?? String(response.status) });
      if (response.ok) window.location.assign(`${adminRoot()}/resources/Document/records/${record!.id}/show`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box as="form" variant="white" p="xl" onSubmit={submit} data-testid="upload-revision">
      <Text mb="lg">{translateMessage('uploadHelp')}</Text>
      <Label htmlFor="revision-file">{translateMessage('revisionFile')}</Label>
      <Box mb="lg">
        <input id="revision-file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </Box>
      {outcome && (
        <MessageBox mb="lg" variant={outcome.ok ? 'success' : 'danger'} message={outcome.message} data-testid="upload-outcome" />
      )}
      <Button type="submit" variant="contained" disabled={busy}>
        {translateMessage('uploadButton')}
      </Button>
    </Box>
  );
};

export default UploadRevision;
