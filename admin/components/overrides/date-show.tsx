// Dates and instants on a show page, in the user's language.
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import React from 'react';
import { formatDate } from '../plant-format.js';

const DateShow: React.FC<BasePropertyProps> = ({ property, record }) => {
  const { i18n, translateProperty } = useTranslation();
  const raw = record?.params[property.path];
  return (
    <ValueGroup label={translateProperty(property.label, property.resourceId)}>
      {raw ? formatDate(raw, property.type === 'date' ? 'date' : 'datetime', i18n.language) : ''}
    </ValueGroup>
  );
};

export default DateShow;
