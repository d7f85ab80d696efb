// The storeroom's form on a stock level: "Recibir", "Entregar a orden", "Devolver", "Trasladar",
// "Ajustar", "Contar", "Reservar". The action's GET says which fields this move needs (with their
// choices); its POST runs the operation, and refusals come back beside their fields.
import { Box, Button, FormGroup, Input, Label, MessageBox, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import { useRecordActionForm } from './record-action-form.js';

interface StockField { name: string; required: boolean; options?: { value: string; label: string }[] }
interface StockForm { intro?: string; material: string; warehouse: string; unit: string; onHand: string; available: string; fields: StockField[] }

const nativeSelect: React.CSSProperties = { width: '100%', padding: '8px', border: '1px solid #c0c0ca', borderRadius: 2, background: '#fff' };

const StockMoveForm: React.FC<ActionProps> = ({ action, record, resource }) => {
  const { translateMessage } = useTranslation();
  const { form, errors, submitting, submit } = useRecordActionForm<StockForm>({ action, record, resource });
  const [values, setValues] = useState<Record<string, string>>({});
  const t = (key: string, params?: Record<string, string | number>) => translateMessage(key, resource.id, params);

  if (!form) return <Text>{t('formLoading')}</Text>;
  const set = (name: string, value: string) => setValues({ ...values, [name]: value });
  return (
    <Box as="form" variant="white" p="xl" onSubmit={submit(values)} data-testid={`stock-${action.name}`}>
      <MessageBox mb="lg" variant="info" message={t(form.intro ?? 'stockFormIntro', { material: form.material, warehouse: form.warehouse, onHand: form.onHand, available: form.available, unit: form.unit })} />
      {form.fields.map((field) => (
        <FormGroup key={field.name}>
          <Label required={field.required}>{t(`stockField_${field.name}`, { unit: form.unit })}</Label>
          {field.options ? (
            <select style={nativeSelect} name={field.name} value={values[field.name] ?? ''} onChange={(e) => set(field.name, e.target.value)}>
              <option value="">{t('selectPlaceholder')}</option>
              {field.options.map((option) => (
                <option key={option.value} value={option.value}>{option.label}</option>
              ))}
            </select>
          ) : (
            <Input name={field.name} width={1} value={values[field.name] ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(field.name, e.target.value)} />
          )}
          {errors[field.name] && (
            <Text color="error" mt="sm" data-testid={`error-${field.name}`}>
              {errors[field.name]!.message}
            </Text>
          )}
        </FormGroup>
      ))}
      <Box mt="lg">
        <Button type="submit" variant="contained" disabled={submitting} data-testid="submit-stock-form">
          {t(`stockSubmit_${action.name}`)}
        </Button>
      </Box>
    </Box>
  );
};

export default StockMoveForm;
