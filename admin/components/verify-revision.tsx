// "Verificar": recomputes the SHA-256 of the stored file and says whether it still matches the upload and
// each signature.
import { Box, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { adminRoot, readJson } from './document-client.js';

type Verification = {
  uploadedSha256: string;
  currentSha256: string | null;
  fileIntact: boolean;
  signatures: { signer: string; signedAt: string; sha256: string; matches: boolean }[];
  message?: string;
};

const VerifyRevision: React.FC<ActionProps> = ({ record }) => {
  const { translateMessage, translateProperty, i18n } = useTranslation();
  const [result, setResult] = useState<Verification | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    fetch(`${adminRoot()}/documents/revisions/${record!.id}/verify`, { credentials: 'same-origin' })
      .then(async (response) => {
        const answer = await readJson<Verification>(response);
        if (response.ok) setResult(answer);
        else setFailure(answer.message ?? String(response.status));
      })
      .catch((error: Error) => setFailure(error.message));
  }, [record?.id]);

  if (failure) return <MessageBox variant="danger" message={failure} />;
  if (!result) return <Text>…</Text>;
  const verdict = result.currentSha256 === null ? 'verifyMissing' : result.fileIntact ? 'verifyIntact' : 'verifyTampered';
  return (
    <Box variant="white" p="xl" data-testid="verify-revision">
      <MessageBox mb="lg" variant={result.fileIntact ? 'success' : 'danger'} message={translateMessage(verdict)} data-testid="verify-verdict" />
      <Text mb="sm">
        {translateMessage('verifyUploadedHash')}: <code>{result.uploadedSha256}</code>
      </Text>
      <Text mb="lg">
        {translateMessage('verifyCurrentHash')}: <code>{result.currentSha256 ?? '—'}</code>
      </Text>
      <Table>
        <TableHead>
          <TableRow>
            <TableCell>{translateProperty('signer', 'DocumentSignature')}</TableCell>
            <TableCell>{translateProperty('signedAt', 'DocumentSignature')}</TableCell>
            <TableCell>{translateProperty('sha256', 'DocumentSignature')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {result.signatures.map((s) => (
            <TableRow key={`${s.signer}-${s.signedAt}`}>
              <TableCell>{s.signer}</TableCell>
              <TableCell>{new Date(s.signedAt).toLocaleString(i18n.language)}</TableCell>
              <TableCell>
                <code>{s.sha256}</code>
              </TableCell>
              <TableCell>{translateMessage(s.matches ? 'verifyMatches' : 'verifyDiffers')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

export default VerifyRevision;
