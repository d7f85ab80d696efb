// "Exportar a Excel" of a list, opened in a drawer over it: downloads the rows the list shows (its
// filters, read from the address the drawer keeps, and the viewer's row rules) in the language the page
// shows. Importable lists use the import template's columns, so the sheet can be corrected and imported back.
import { Box, Button, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React from 'react';
import { adminRoot } from '../components/admin-root.js';

const ExportList: React.FC<ActionProps> = ({ resource, action }) => {
  const { translateMessage, i18n } = useTranslation();
  const root = adminRoot();
  const query = new URLSearchParams([...new URLSearchParams(window.location.search)].filter(([key]) => key.startsWith('filters.')));
  if (i18n.language === 'es' || i18n.language === 'en') query.set('lang', i18n.language);
  const help = (action.custom as { help?: string } | undefined)?.help ?? 'listExportHelp';
  return (
    <Box variant="white" p="xl">
      <Text mb="lg">{translateMessage(help)}</Text>
      <Button as="a" href={`${root}/exports/${resource.id}.xlsx?${query}`} variant="contained" data-testid="export-list" download>
        {translateMessage('historyExportButton')}
      </Button>
    </Box>
  );
};

export default ExportList;
