// "Historial" of one record: a timeline of who changed what, field labels as in the forms, before → after.
import { Box, H5, Text } from '@adminjs/design-system';
import { ApiClient, useTranslation, type ActionProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { formatDate, formatValue } from './plant-format.js';

type Field = { property: string; before?: unknown; after?: unknown };
type Entry = { id: string; at: string; action: string; actor: string; fields: Field[] };

const api = new ApiClient();

const HistoryTimeline: React.FC<ActionProps> = ({ resource, record, action }) => {
  const { translateMessage, translateProperty, tl, tm, i18n } = useTranslation();
  // Closed vocabularies read as in the forms ("En servicio", not IN_SERVICE), yes/no, dates and numbers
  // as the user's language writes them; references arrive already named.
  const label = (property: string, value: unknown) => {
    const described = resource.properties[property];
    if (described?.reference) return value === null || value === undefined ? '—' : String(value);
    return formatValue(value, described ? { ...described, resourceId: resource.id } : { path: property, resourceId: resource.id }, { language: i18n.language, tl, tm });
  };
  const [entries, setEntries] = useState<Entry[]>([]);
  useEffect(() => {
    if (!record) return;
    api
      .recordAction({ resourceId: resource.id, recordId: String(record.id), actionName: action.name })
      .then((response) => setEntries(((response.data as { entries?: Entry[] }).entries ?? []) as Entry[]));
  }, [record?.id]);
  return (
    <Box variant="white" p="xl" data-testid="history-timeline">
      {entries.length === 0 && <Text>{translateMessage('historyEmpty')}</Text>}
      {entries.map((entry) => (
        <Box key={entry.id} mb="xl" pb="lg" style={{ borderBottom: '1px solid #eee' }}>
          <H5>
            {formatDate(entry.at, 'datetime', i18n.language)} · {translateMessage(`historyAction_${entry.action}`)} · {entry.actor}
          </H5>
          {entry.fields.map((field) => (
            <Text key={field.property}>
              <strong>{translateProperty(field.property, resource.id)}</strong>:{' '}
              {entry.action === 'UPDATE'
                ? `${label(field.property, field.before)} → ${label(field.property, field.after)}`
                : label(field.property, field.after ?? field.before)}
            </Text>
          ))}
        </Box>
      ))}
    </Box>
  );
};

export default HistoryTimeline;
