// An asset's, work order's or work request's show page: the documents attached to it that the viewer may read, each
// with its revisions, downloaded through the route that checks the rights.
import { Box, H5, Link, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { adminRoot, downloadUrl, humanSize, readJson } from './document-client.js';

type Attachment = { id: number; code: string; title: string; kind: string; state: string; revisions: { id: number; number: number; fileName: string; size: number }[] };

const Attachments: React.FC<ShowPropertyProps> = ({ property, record, resource }) => {
  const { translateMessage, translateProperty, translateLabel } = useTranslation();
  const [documents, setDocuments] = useState<Attachment[] | null>(null);
  const [mayAttach, setMayAttach] = useState(false);
  const owner = (property.custom as { owner: 'assetId' | 'workOrderId' | 'workRequestId' }).owner;

  useEffect(() => {
    fetch(`${adminRoot()}/documents/attachments?${owner}=${record?.id}`, { credentials: 'same-origin' })
      .then(async (response) => {
        const body = response.ok ? await readJson<{ documents: Attachment[]; mayAttach: boolean }>(response) : { documents: [], mayAttach: false };
        setDocuments(body.documents);
        setMayAttach(body.mayAttach);
      })
      .catch(() => setDocuments([]));
  }, [record?.id]);

  const newDocument = `${adminRoot()}/resources/Document/actions/new`;
  return (
    <Box mb="xl" data-testid={`attachments-${resource.id}`}>
      <H5>
        {translateMessage('documentAttachments')} ({documents?.length ?? 0})
      </H5>
      {documents === null ? (
        <Text>…</Text>
      ) : documents.length === 0 ? (
        <Text>{translateMessage('relatedNone')}</Text>
      ) : (
        <Table>
          <TableHead>
            <TableRow>
              <TableCell>{translateProperty('code', 'Document')}</TableCell>
              <TableCell>{translateProperty('title', 'Document')}</TableCell>
              <TableCell>{translateProperty('state', 'Document')}</TableCell>
              <TableCell>{translateProperty('revisions', 'Document')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {documents.map((d) => (
              <TableRow key={d.id}>
                <TableCell>
                  <Link href={`${adminRoot()}/resources/Document/records/${d.id}/show`}>{d.code}</Link>
                </TableCell>
                <TableCell>{d.title}</TableCell>
                <TableCell>{translateLabel(`state.${d.state}`, 'Document')}</TableCell>
                <TableCell>
                  {d.revisions.map((r) => (
                    <Box key={r.id}>
                      <Link href={downloadUrl(r.id)}>
                        {translateMessage('revisionNumber')} {r.number}: {r.fileName}
                      </Link>{' '}
                      ({humanSize(r.size)})
                    </Box>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {mayAttach && (
        <Box mt="default">
          <Link href={newDocument}>{translateMessage('attachmentNew')}</Link>
        </Box>
      )}
    </Box>
  );
};

export default Attachments;
