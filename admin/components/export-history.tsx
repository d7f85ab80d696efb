// "Exportar a Excel": downloads the history the list shows, with the filters currently applied.
import { Box, Button, Text } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';
import React from 'react';
import { adminRoot } from './admin-root.js';

const ExportHistory: React.FC = () => {
  const { translateMessage } = useTranslation();
  const root = adminRoot();
  const filters = new URLSearchParams(window.location.search);
  const query = new URLSearchParams([...filters].filter(([key]) => key.startsWith('filters.')));
  return (
    <Box variant="white" p="xl">
      <Text mb="lg">{translateMessage('historyExportHelp')}</Text>
      <Button as="a" href={`${root}/history/export.xlsx?${query}`} variant="contained" data-testid="export-history">
        {translateMessage('historyExportButton')}
      </Button>
    </Box>
  );
};

export default ExportHistory;
