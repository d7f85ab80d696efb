// One entry of the global change history: each changed column, before → after.
import { Box, Label, Text } from '@adminjs/design-system';
import { flat, type ShowPropertyProps } from 'adminjs';
import React from 'react';

const shown = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

const HistoryChanges: React.FC<ShowPropertyProps> = ({ record, property }) => {
  const changes = (flat.get(record?.params ?? {}, property.path) ?? {}) as { before?: Record<string, unknown>; after?: Record<string, unknown> };
  const columns = [...new Set([...Object.keys(changes.before ?? {}), ...Object.keys(changes.after ?? {})])];
  return (
    <Box mb="xl" data-testid="history-changes">
      <Label>{property.label}</Label>
      {columns.map((column) => (
        <Text key={column}>
          <strong>{column}</strong>: {changes.before && column in changes.before ? `${shown(changes.before[column])} → ` : ''}
          {shown(changes.after?.[column])}
        </Text>
      ))}
    </Box>
  );
};

export default HistoryChanges;
