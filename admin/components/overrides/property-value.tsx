// AdminJS's value in lists and show pages (DefaultPropertyValue), formatted for the plant: closed values
// as labelled badges, numbers in the user's language.
import { Badge } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import React from 'react';
import { formatValue } from '../plant-format.js';

const PropertyValue: React.FC<BasePropertyProps> = ({ property, record, resource }) => {
  const { tl, tm, i18n } = useTranslation();
  const raw = record?.params[property.path];
  if (raw === undefined) return null;
  const text = formatValue(raw, { ...property, resourceId: resource.id }, { language: i18n.language, tl, tm });
  if (property.availableValues?.length) return <Badge>{text}</Badge>;
  // Codes and numbers ("OT-2026-82436", "16.445,86") never break in the middle.
  return /\s/.test(text) || text.length > 32 ? <>{text}</> : <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;
};

export default PropertyValue;
