// A reference in the filter drawer ("Responsable", "Activo"): the same search as the forms' pickers.
import { FormGroup, Label, SelectAsync } from '@adminjs/design-system';
import { ApiClient, useTranslation, type FilterPropertyProps } from 'adminjs';
import React, { useState } from 'react';
import { useSelectTexts } from '../select-texts.js';

type Option = { value: string; label: string };
const api = new ApiClient();

const ReferenceFilter: React.FC<FilterPropertyProps> = ({ property, filter, onChange }) => {
  const { translateProperty } = useTranslation();
  const texts = useSelectTexts();
  const [options, setOptions] = useState<Option[]>([]);
  const value = filter?.[property.path] as string | undefined;
  const selected = value ? options.find((o) => o.value === String(value)) ?? null : null;

  const loadOptions = async (query: string): Promise<Option[]> => {
    const records = await api.searchRecords({ resourceId: property.reference!, query });
    const loaded = records.map((r) => ({ value: String(r.id), label: r.title }));
    setOptions((known) => [...known.filter((k) => !loaded.some((l) => l.value === k.value)), ...loaded]);
    return loaded;
  };

  return (
    <FormGroup variant="filter">
      <Label htmlFor={`filter-${property.path}`}>{translateProperty(property.label, property.resourceId)}</Label>
      <SelectAsync
        inputId={`filter-${property.path}`}
        variant="filter"
        isClearable
        cacheOptions
        defaultOptions
        value={selected}
        loadOptions={loadOptions}
        onChange={(option: Option | null) => {
          if (option) setOptions((known) => (known.some((k) => k.value === option.value) ? known : [...known, option]));
          onChange(property.path, option ? option.value : '');
        }}
        {...texts}
      />
    </FormGroup>
  );
};

export default ReferenceFilter;
