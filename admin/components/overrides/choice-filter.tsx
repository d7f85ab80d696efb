// A closed value or a yes/no in the filter drawer, labelled and prompted in the user's language.
import { FormGroup, Input, Label, Select } from '@adminjs/design-system';
import { useTranslation, type FilterPropertyProps } from 'adminjs';
import React from 'react';
import { useSelectTexts } from '../select-texts.js';

type Option = { value: string; label: string };

const ChoiceFilter: React.FC<FilterPropertyProps> = ({ property, filter, onChange }) => {
  const { tl, tm, translateProperty } = useTranslation();
  const texts = useSelectTexts();
  const value = (filter?.[property.path] as string | undefined) ?? '';
  const options: Option[] | null =
    property.type === 'boolean'
      ? [
          { value: 'true', label: tm('valueYes') },
          { value: 'false', label: tm('valueNo') },
        ]
      : property.availableValues
        ? property.availableValues.map((v) => ({ value: String(v.value), label: tl(`${property.path}.${v.value}`, property.resourceId, { defaultValue: v.label ?? v.value }) }))
        : null;
  return (
    <FormGroup variant="filter">
      <Label htmlFor={`filter-${property.path}`}>{translateProperty(property.label, property.resourceId)}</Label>
      {options ? (
        <Select
          inputId={`filter-${property.path}`}
          variant="filter"
          isClearable
          value={options.find((o) => o.value === String(value)) ?? null}
          options={options}
          onChange={(selected: Option | null) => onChange(property.path, selected ? selected.value : '')}
          {...texts}
        />
      ) : (
        <Input id={`filter-${property.path}`} name={`filter-${property.path}`} value={value} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(property.path, e.target.value)} />
      )}
    </FormGroup>
  );
};

export default ChoiceFilter;
