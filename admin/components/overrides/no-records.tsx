// An empty list: with filters, it says nothing matched (and invites nobody to create a record); without,
// it offers "Crear" only to who may create one.
import { Box, Text } from '@adminjs/design-system';
import { useTranslation, type ResourceJSON } from 'adminjs';
import React from 'react';

const NoRecords: React.FC<{ resource: ResourceJSON }> = ({ resource }) => {
  const { translateMessage } = useTranslation();
  const filtered = new URLSearchParams(window.location.search).toString().includes('filters.');
  return (
    <Box variant="white" p="xl" data-testid="no-records">
      <Text>{translateMessage(filtered ? 'listNoMatches' : 'listEmpty', resource.id)}</Text>
    </Box>
  );
};

export default NoRecords;
