// "Imprimir" on a work order: the PDF to download (GET, under the reader's rules), in the page's language.
import { Box, Button, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React from 'react';
import { adminRoot } from '../components/admin-root.js';

const PrintWorkOrder: React.FC<ActionProps> = ({ record }) => {
  const { translateMessage, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'es';
  return (
    <Box variant="white" p="xl">
      <Text mb="lg">{translateMessage('printOrderIntro')}</Text>
      <Button as="a" href={`${adminRoot()}/printables/work-orders/${record?.id}.pdf?lang=${lang}`} variant="contained" data-testid="print-work-order" download>
        {translateMessage('printOrderButton')}
      </Button>
    </Box>
  );
};

export default PrintWorkOrder;
