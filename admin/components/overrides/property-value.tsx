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
  return property.availableValues?.length ? <Badge>{text}</Badge> : <>{text}</>;
};

export default PropertyValue;
