// "Exportar a Excel" of a list: downloads the rows the list shows (its filters, the viewer's row rules);
// importable lists use the import template's columns, so the sheet can be corrected and imported back.
import { Box, Button, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React from 'react';
import { adminRoot } from './admin-root.js';

const ExportList: React.FC<ActionProps> = ({ resource }) => {
  const { translateMessage } = useTranslation();
  const root = adminRoot();
  const filters = new URLSearchParams(window.location.search);
  const query = new URLSearchParams([...filters].filter(([key]) => key.startsWith('filters.')));
  return (
    <Box variant="white" p="xl">
      <Text mb="lg">{translateMessage('listExportHelp')}</Text>
      <Button as="a" href={`${root}/exports/${resource.id}.xlsx?${query}`} variant="contained" data-testid="export-list">
        {translateMessage('historyExportButton')}
      </Button>
    </Box>
  );
};

export default ExportList;
