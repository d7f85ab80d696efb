// Dates and instants in a list, in the user's language.
import { useTranslation, type BasePropertyProps } from 'adminjs';
import React from 'react';
import { formatDate } from '../plant-format.js';

const DateList: React.FC<BasePropertyProps> = ({ property, record }) => {
  const { i18n } = useTranslation();
  const raw = record?.params[property.path];
  if (!raw) return null;
  return <span style={{ whiteSpace: 'nowrap' }}>{formatDate(raw, property.type === 'date' ? 'date' : 'datetime', i18n.language)}</span>;
};

export default DateList;
