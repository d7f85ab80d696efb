// An asset's, work order's or work request's show page: the documents attached to it that the viewer may read, each
// with its revisions, downloaded through the route that checks the rights.
import { Box, Button, H5, Input, Label, Link, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { adminRoot, downloadUrl, humanSize, readJson, useFileUpload } from './document-client.js';

type Attachment = { id: number; code: string; title: string; kind: string; state: string; revisions: { id: number; number: number; fileName: string; size: number }[] };

const Attachments: React.FC<ShowPropertyProps> = ({ property, record, resource }) => {
  const { translateMessage, translateProperty, translateLabel } = useTranslation();
  const [documents, setDocuments] = useState<Attachment[] | null>(null);
  const [mayAttach, setMayAttach] = useState(false);
  const owner = (property.custom as { owner: 'assetId' | 'workOrderId' | 'workRequestId' }).owner;
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    fetch(`${adminRoot()}/documents/attachments?${owner}=${record?.id}`, { credentials: 'same-origin' })
      .then(async (response) => {
        const body = response.ok ? await readJson<{ documents: Attachment[]; mayAttach: boolean }>(response) : { documents: [], mayAttach: false };
        setDocuments(body.documents);
        setMayAttach(body.mayAttach);
      })
      .catch(() => setDocuments([]));
  }, [record?.id, loads]);

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
      {mayAttach && <AttachFile owner={owner} ownerId={String(record?.id)} onAttached={() => setLoads((n) => n + 1)} />}
    </Box>
  );
};

/** One step from the record's page: pick a photo or file (a phone offers its camera), optionally a
 * title, and it becomes a document of this record with its first revision. */
const AttachFile: React.FC<{ owner: string; ownerId: string; onAttached(): void }> = ({ owner, ownerId, onAttached }) => {
  const { translateMessage } = useTranslation();
  const upload = useFileUpload(translateMessage('fileMissing'));
  const [title, setTitle] = useState('');

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const query = new URLSearchParams({ [owner]: ownerId, ...(title.trim() && { title: title.trim() }) });
    if (!(await upload.send(`${adminRoot()}/documents/attachments?${query}`))) return;
    upload.setFile(null);
    setTitle('');
    form.reset();
    onAttached();
  };

  return (
    <Box as="form" mt="lg" p="lg" style={{ border: '1px dashed #c0c8d2', borderRadius: 4 }} onSubmit={submit} data-testid="attach-file">
      <Label htmlFor="attach-file-input">{translateMessage('attachmentAdd')}</Label>
      <Box mb="default">
        <input id="attach-file-input" name="file" type="file" accept="image/*,.pdf,.docx,.xlsx" onChange={(e) => upload.setFile(e.target.files?.[0] ?? null)} />
      </Box>
      <Label htmlFor="attach-file-title">{translateMessage('attachmentTitle')}</Label>
      <Input id="attach-file-title" value={title} maxLength={200} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTitle(e.target.value)} mb="default" />
      {upload.outcome && <MessageBox mb="default" variant={upload.outcome.ok ? 'success' : 'danger'} message={upload.outcome.message} data-testid="attach-outcome" />}
      <Box>
        <Button type="submit" variant="contained" disabled={upload.busy}>
          {translateMessage('attachmentButton')}
        </Button>
      </Box>
    </Box>
  );
};

export default Attachments;
