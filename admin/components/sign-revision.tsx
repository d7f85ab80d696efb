// "Firmar": the signed-in person confirms with his password; the server hashes the stored file and
// records the signature and its audit. A wrong password records nothing (and counts as a failed login).
import { Box, Button, Input, Label, MessageBox, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import { adminRoot, csrfHeader, readJson } from './document-client.js';

const SignRevision: React.FC<ActionProps> = ({ record }) => {
  const { translateMessage } = useTranslation();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const params = record?.params ?? {};

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const response = await fetch(`${adminRoot()}/documents/revisions/${record!.id}/sign`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...csrfHeader() },
        body: JSON.stringify({ password }),
      });
      const answer = await readJson<{ signature?: unknown }>(response);
      setOutcome({ ok: response.ok, message: answer.message ?? String(response.status) });
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box as="form" variant="white" p="xl" onSubmit={submit} data-testid="sign-revision">
      <Text mb="lg">{translateMessage('signHelp', 'DocumentRevision', { number: params.number, fileName: params.fileName })}</Text>
      <Label htmlFor="sign-password" required>
        {translateMessage('signPassword')}
      </Label>
      <Input id="sign-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPassword(e.target.value)} mb="lg" width={1 / 2} />
      {outcome && <MessageBox mb="lg" variant={outcome.ok ? 'success' : 'danger'} message={outcome.message} data-testid="sign-outcome" />}
      <Box flex flexDirection="row" style={{ gap: 16 }}>
        <Button type="submit" variant="contained" disabled={busy || !password}>
          {translateMessage('signButton')}
        </Button>
        {outcome?.ok && params.document && (
          <Button as="a" href={`${adminRoot()}/resources/Document/records/${params.document}/show`} variant="outlined">
            {translateMessage('documentRevisions')}
          </Button>
        )}
      </Box>
    </Box>
  );
};

export default SignRevision;
