// A safety step that needs input (issue 23): request a permit (its precautions as a checklist), approve
// or close it (the password, signed), lock a point (the lock number); raise a corrective action (what,
// its owner, its due date) and move it with a note (what was done, how effectiveness was checked). The fields come from the action's
// form data (resources/safety/*-actions.ts); loading, posting (POST, CSRF header from AdminJS's client),
// refusals beside their field and the redirect are the shared record-action form's.
import { Box, Button, CheckBox, FormGroup, Input, Label, MessageBox } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import { FieldError, useRecordActionForm } from './record-action-form.js';

interface Field {
  name: string;
  kind: 'password' | 'text' | 'textarea' | 'date' | 'select' | 'checklist';
  labelKey: string;
  options?: string[];
  /** A select's choices: the value sent and the name shown (people by name). */
  choices?: { value: string; label: string }[];
}
interface PermitForm {
  introKey: string;
  introValues?: Record<string, string>;
  fields: Field[];
  submitKey: string;
}

const PermitActionForm: React.FC<ActionProps> = (props) => {
  const { translateMessage } = useTranslation();
  const { form, errors, submitting, submit } = useRecordActionForm<PermitForm>(props);
  const [values, setValues] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState<Record<string, string[]>>({});
  const t = (key: string, options?: Record<string, string>) => translateMessage(key, props.resource.id, options);

  if (!form) return <Box variant="white" p="xl" />;
  const payload: Record<string, string> = { ...values };
  for (const field of form.fields) if (field.kind === 'checklist') payload[field.name] = (checked[field.name] ?? []).join('\n');
  const toggle = (name: string, option: string) =>
    setChecked((current) => {
      const list = current[name] ?? [];
      return { ...current, [name]: list.includes(option) ? list.filter((o) => o !== option) : [...list, option] };
    });
  // Refusals about the permit as a whole (its state, its points) are said above the button.
  const fieldNames = new Set(form.fields.map((f) => f.name));
  const general = Object.entries(errors).filter(([field]) => !fieldNames.has(field));

  return (
    <Box as="form" variant="white" p="xl" onSubmit={submit(payload)} data-testid="permit-action-form">
      <MessageBox mb="lg" message={t(form.introKey, form.introValues)} />
      {form.fields.map((field) => (
        <FormGroup key={field.name}>
          <Label required htmlFor={`permit-${field.name}`}>{t(field.labelKey)}</Label>
          {field.kind === 'checklist' ? (
            (field.options ?? []).map((option, index) => (
              <Box key={option} flex flexDirection="row" alignItems="center" mb="sm">
                <CheckBox id={`permit-${field.name}-${index}`} checked={(checked[field.name] ?? []).includes(option)} onChange={() => toggle(field.name, option)} />
                <Label inline htmlFor={`permit-${field.name}-${index}`} ml="default">{option}</Label>
              </Box>
            ))
          ) : field.kind === 'select' ? (
            <select
              id={`permit-${field.name}`}
              name={field.name}
              value={values[field.name] ?? ''}
              style={{ width: '100%', padding: 8 }}
              onChange={(e: React.ChangeEvent<HTMLSelectElement>) => setValues((current) => ({ ...current, [field.name]: e.target.value }))}
            >
              <option value="">—</option>
              {(field.choices ?? []).map((choice) => <option key={choice.value} value={choice.value}>{choice.label}</option>)}
            </select>
          ) : field.kind === 'textarea' ? (
            <textarea
              id={`permit-${field.name}`}
              name={field.name}
              rows={4}
              value={values[field.name] ?? ''}
              style={{ width: '100%', padding: 8, fontFamily: 'inherit' }}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setValues((current) => ({ ...current, [field.name]: e.target.value }))}
            />
          ) : (
            <Input
              id={`permit-${field.name}`}
              name={field.name}
              type={field.kind === 'password' ? 'password' : field.kind === 'date' ? 'date' : 'text'}
              autoComplete={field.kind === 'password' ? 'current-password' : 'off'}
              value={values[field.name] ?? ''}
              width={1}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValues((current) => ({ ...current, [field.name]: e.target.value }))}
            />
          )}
          <FieldError errors={errors} name={field.name} />
        </FormGroup>
      ))}
      {general.map(([field, error]) => <MessageBox key={field} mb="lg" variant="danger" message={error.message} data-testid={`error-${field}`} />)}
      <Button type="submit" variant="contained" disabled={submitting} data-testid="submit-permit-action">{t(form.submitKey)}</Button>
    </Box>
  );
};

export default PermitActionForm;
