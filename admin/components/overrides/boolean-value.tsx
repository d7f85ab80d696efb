// Yes/no in the user's language ("Sí", not "Yes" nor "true").
import { Badge } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import React from 'react';

const BooleanValue: React.FC<BasePropertyProps> = ({ property, record }) => {
  const { tm } = useTranslation();
  const raw = record?.params[property.path];
  if (raw === undefined || raw === null || raw === '') return null;
  return (
    <Badge outline size="sm">
      {tm(raw === true || raw === 'true' ? 'valueYes' : 'valueNo')}
    </Badge>
  );
};

export default BooleanValue;
