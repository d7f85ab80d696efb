// One entry of the global change history: each changed field, named as in its form, before → after,
// references by name and values as the user's language writes them.
import { Box, Label, Text } from '@adminjs/design-system';
import { useResource, useTranslation, type ShowPropertyProps } from 'adminjs';
import React from 'react';
import { formatValue } from './plant-format.js';

type Field = { property: string; before?: unknown; after?: unknown };

const HistoryChanges: React.FC<ShowPropertyProps> = ({ record, property }) => {
  const { translateProperty, tl, tm, i18n } = useTranslation();
  const model = String(record?.params.model ?? '');
  const resource = useResource(model);
  const fields = JSON.parse(String(record?.params.fields ?? '[]')) as Field[];
  const show = (name: string, value: unknown) => {
    const described = resource?.properties[name];
    if (described?.reference) return value === null || value === undefined ? '—' : String(value);
    return formatValue(value, described ? { ...described, resourceId: model } : { path: name, resourceId: model }, { language: i18n.language, tl, tm });
  };
  return (
    <Box mb="xl" data-testid="history-changes">
      <Label>{translateProperty(property.label, property.resourceId)}</Label>
      {fields.map((field) => (
        <Text key={field.property}>
          <strong>{translateProperty(field.property, model)}</strong>: {'before' in field && record?.params.action === 'UPDATE' ? `${show(field.property, field.before)} → ` : ''}
          {show(field.property, 'after' in field ? field.after : field.before)}
        </Text>
      ))}
    </Box>
  );
};

export default HistoryChanges;
