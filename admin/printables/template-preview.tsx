// "Vista previa" of a template: the stored body drawn as it prints, on a real order (work-order print-outs)
// or asset (label sheets) the administrator chooses by number.
import { Box, Button, Input, Label, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import { adminRoot } from '../components/admin-root.js';

const TemplatePreview: React.FC<ActionProps> = ({ record }) => {
  const { translateMessage } = useTranslation();
  const kind = String(record?.params.kind ?? '');
  const [id, setId] = useState('');
  const key = kind === 'LABEL_SHEET' ? 'assetId' : 'workOrderId';
  const placeholders = (record?.params as Record<string, unknown> | undefined)?.placeholders;
  return (
    <Box variant="white" p="xl">
      <Text mb="lg">{translateMessage(kind === 'WORK_ORDER' || kind === 'LABEL_SHEET' ? 'templatePreviewIntro' : 'templatePreviewKind')}</Text>
      {typeof placeholders === 'string' && <Text mb="lg">{translateMessage('templatePlaceholders')}: {placeholders}</Text>}
      {(kind === 'WORK_ORDER' || kind === 'LABEL_SHEET') && (
        <>
          <Label htmlFor="preview-record">{translateMessage(kind === 'LABEL_SHEET' ? 'templatePreviewAsset' : 'templatePreviewOrder')}</Label>
          <Input id="preview-record" value={id} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setId(e.target.value.replace(/\D/g, ''))} mb="lg" />
          <Box mt="lg">
            <Button as="a" href={`${adminRoot()}/printables/templates/${record?.id}/preview.pdf?${key}=${id}`} target="_blank" variant="contained" data-testid="template-preview">
              {translateMessage('previewTemplate')}
            </Button>
          </Box>
        </>
      )}
    </Box>
  );
};

export default TemplatePreview;
