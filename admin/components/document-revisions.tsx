// A document's show page: its revisions (newest first) with download, sign and verify links, the named
// signers, the signatures and, for who may read it, the signature audit.
import { Box, H5, Link, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { adminRoot, downloadUrl, humanSize, readJson } from './document-client.js';

type Revision = {
  id: number;
  number: number;
  fileName: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  signers: string[];
  maySign: boolean;
  signatures: { signer: string; signedAt: string; sha256: string }[];
  audits: { signer: string; signedAt: string; ip: string; userAgent: string; sha256: string }[] | null;
};



const DocumentRevisions: React.FC<ShowPropertyProps> = ({ record }) => {
  const { translateMessage, translateProperty, translateAction, i18n } = useTranslation();
  const when = (value: string) => new Date(value).toLocaleString(i18n.language);
  const [revisions, setRevisions] = useState<Revision[] | null>(null);

  useEffect(() => {
    fetch(`${adminRoot()}/documents/${record?.id}/revisions`, { credentials: 'same-origin' })
      .then(async (response) => setRevisions(response.ok ? (await readJson<{ revisions: Revision[] }>(response)).revisions : []))
      .catch(() => setRevisions([]));
  }, [record?.id]);

  const actionUrl = (id: number, action: string) => `${adminRoot()}/resources/DocumentRevision/records/${id}/${action}`;
  return (
    <Box mb="xl" data-testid="document-revisions">
      <H5>{translateMessage('documentRevisions')}</H5>
      {revisions === null ? (
        <Text>…</Text>
      ) : revisions.length === 0 ? (
        <Text>{translateMessage('noRevisions')}</Text>
      ) : (
        revisions.map((r) => (
          <Box key={r.id} mb="lg" p="lg" style={{ border: '1px solid #e5e7eb' }} data-testid={`revision-${r.number}`}>
            <Text mb="sm">
              <strong>
                {translateMessage('revisionNumber')} {r.number}
              </strong>{' '}
              · <Link href={downloadUrl(r.id)}>{r.fileName}</Link> · {humanSize(r.size)} · {r.uploadedBy} · {when(r.uploadedAt)} ·{' '}
              {r.maySign && (
                <>
                  <Link href={actionUrl(r.id, 'sign')}>{translateAction('sign', 'DocumentRevision')}</Link> ·{' '}
                </>
              )}
              <Link href={actionUrl(r.id, 'verify')}>{translateAction('verify', 'DocumentRevision')}</Link>
            </Text>
            <Text mb="sm" style={{ fontSize: 12 }}>
              SHA-256 <code>{r.sha256}</code>
            </Text>
            {r.signers.length > 0 && (
              <Text mb="sm">
                {translateMessage('revisionSigners')}: {r.signers.join(', ')}
              </Text>
            )}
            <Text mb="sm">
              <strong>{translateMessage('revisionSignatures')}</strong>
            </Text>
            {r.signatures.length === 0 ? (
              <Text>{translateMessage('noSignatures')}</Text>
            ) : (
              <Table data-testid={`signatures-${r.number}`}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translateProperty('signer', 'SignatureAudit')}</TableCell>
                    <TableCell>{translateProperty('signedAt', 'SignatureAudit')}</TableCell>
                    {r.audits && <TableCell>{translateProperty('ip', 'SignatureAudit')}</TableCell>}
                    {r.audits && <TableCell>{translateProperty('userAgent', 'SignatureAudit')}</TableCell>}
                    <TableCell>{translateProperty('sha256', 'SignatureAudit')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {(r.audits ?? r.signatures.map((s) => ({ ...s, ip: '', userAgent: '' }))).map((a) => (
                    <TableRow key={`${a.signer}-${a.signedAt}`}>
                      <TableCell>{a.signer}</TableCell>
                      <TableCell>{when(a.signedAt)}</TableCell>
                      {r.audits && <TableCell>{a.ip}</TableCell>}
                      {r.audits && <TableCell style={{ maxWidth: 280, wordBreak: 'break-all' }}>{a.userAgent}</TableCell>}
                      <TableCell style={{ fontSize: 12 }}>
                        <code>{a.sha256}</code>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Box>
        ))
      )}
    </Box>
  );
};

export default DocumentRevisions;
