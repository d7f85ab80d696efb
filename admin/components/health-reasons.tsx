// Why an asset's health score is what it is ("Activos en riesgo" and its page): each reason in the reader's
// language with the points it took off, from the reasons the assessment stored (keys and values).
import { Box, Text } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import React from 'react';

type Reason = { key: string; values: Record<string, string>; points: number };

/** AdminJS flattens JSON into params (`reasons.0.key`, `reasons.0.values.count`): put it back together. */
export function reasonsOf(params: Record<string, unknown>, prefix = 'reasons'): Reason[] {
  const reasons: Reason[] = [];
  for (const [path, value] of Object.entries(params)) {
    const match = new RegExp(`^${prefix}\\.(\\d+)\\.(key|points|values\\.(\\w+))$`).exec(path);
    if (!match) continue;
    const reason = (reasons[Number(match[1])] ??= { key: '', values: {}, points: 0 });
    if (match[2] === 'key') reason.key = String(value);
    else if (match[2] === 'points') reason.points = Number(value);
    else reason.values[match[3]!] = String(value);
  }
  return reasons.filter(Boolean);
}

export const ReasonList: React.FC<{ reasons: Reason[] }> = ({ reasons }) => {
  const { translateMessage } = useTranslation();
  return (
    <ul data-testid="health-reasons" style={{ margin: 0, paddingLeft: 20 }}>
      {reasons.map((reason) => (
        <li key={reason.key}>
          {translateMessage(reason.key, undefined, reason.values)}
          {reason.points > 0 ? ` (−${reason.points})` : ''}
        </li>
      ))}
    </ul>
  );
};

const HealthReasons: React.FC<ShowPropertyProps> = ({ record, property }) => {
  const reasons = reasonsOf(record?.params ?? {}, property.path);
  return (
    <Box mb="xl">
      <Text fontWeight="bold" mb="sm">{property.label}</Text>
      <ReasonList reasons={reasons} />
    </Box>
  );
};

export default HealthReasons;
