// AdminJS's default input, with its drop-down of closed values speaking the user's language.
import type { EditPropertyProps } from 'adminjs';
import React from 'react';
import { useSelectTexts } from '../select-texts.js';

type Props = EditPropertyProps & { OriginalComponent: React.ComponentType<EditPropertyProps> };

const ChoiceEdit: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const texts = useSelectTexts();
  if (!props.property.availableValues) return <OriginalComponent {...props} />;
  return <OriginalComponent {...props} property={{ ...props.property, props: { ...texts, ...props.property.props } }} />;
};

export default ChoiceEdit;
