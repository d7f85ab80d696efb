// A reference in a form: searches the referenced resource as the user types (every word, by name or
// code), shows the current choice by the name the record already carries, and speaks the user's language.
import { FormGroup, FormMessage, Label, SelectAsync } from '@adminjs/design-system';
import { ApiClient, flat, useTranslation, type EditPropertyProps } from 'adminjs';
import React, { useState } from 'react';
import { useSelectTexts } from '../select-texts.js';

type Option = { value: string; label: string };
const api = new ApiClient();

const ReferenceEdit: React.FC<EditPropertyProps> = ({ property, record, onChange }) => {
  const { translateProperty } = useTranslation();
  const texts = useSelectTexts();
  const selectedId = flat.get(record?.params, property.path) as string | number | undefined;
  const populated = record?.populated?.[property.path];
  const [chosen, setChosen] = useState<Option | null>(null);
  const current: Option | null = selectedId ? (chosen && chosen.value === String(selectedId) ? chosen : { value: String(selectedId), label: populated?.title ?? String(selectedId) }) : null;
  const error = record?.errors?.[property.path];

  const loadOptions = async (query: string): Promise<Option[]> => {
    const records = await api.searchRecords({ resourceId: property.reference!, query });
    return records.map((r) => ({ value: String(r.id), label: r.title }));
  };

  return (
    <FormGroup error={Boolean(error)}>
      <Label htmlFor={property.path} required={property.isRequired}>
        {translateProperty(property.label, property.resourceId)}
      </Label>
      <SelectAsync
        inputId={property.path}
        cacheOptions
        defaultOptions
        isClearable
        value={current}
        loadOptions={loadOptions}
        onChange={(selected: Option | null) => {
          setChosen(selected);
          onChange(property.path, selected ? selected.value : null);
        }}
        isDisabled={property.isDisabled}
        {...texts}
        {...property.props}
      />
      <FormMessage>{error?.message}</FormMessage>
    </FormGroup>
  );
};

export default ReferenceEdit;
