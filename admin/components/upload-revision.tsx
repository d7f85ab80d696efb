// "Subir revisión": picks a file and posts it (multipart) to /admin/documents/:id/revisions, which checks
// the rules, the size and the type by its bytes; every upload becomes the document's next revision.
import { Box, Button, Label, MessageBox, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React from 'react';
import { adminRoot, useFileUpload } from './document-client.js';

const UploadRevision: React.FC<ActionProps> = ({ record }) => {
  const { translateMessage } = useTranslation();
  const upload = useFileUpload(translateMessage('fileMissing'));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (await upload.send(`${adminRoot()}/documents/${record!.id}/revisions`)) window.location.assign(`${adminRoot()}/resources/Document/records/${record!.id}/show`);
  };

  return (
    <Box as="form" variant="white" p="xl" onSubmit={submit} data-testid="upload-revision">
      <Text mb="lg">{translateMessage('uploadHelp')}</Text>
      <Label htmlFor="revision-file">{translateMessage('revisionFile')}</Label>
      <Box mb="lg">
        <input id="revision-file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx" onChange={(e) => upload.setFile(e.target.files?.[0] ?? null)} />
      </Box>
      {upload.outcome && (
        <MessageBox mb="lg" variant={upload.outcome.ok ? 'success' : 'danger'} message={upload.outcome.message} data-testid="upload-outcome" />
      )}
      <Button type="submit" variant="contained" disabled={upload.busy}>
        {translateMessage('uploadButton')}
      </Button>
    </Box>
  );
};

export default UploadRevision;
