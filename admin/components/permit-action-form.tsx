// A safety step that needs input (issue 23): request a permit (its precautions as a checklist), approve
// or close it (the password, signed), lock a point (the lock number). The fields come from the action's
// form data (resources/safety/*-actions.ts); the answer is posted to the record action itself (POST, CSRF
// header from AdminJS's client), and a refusal comes back beside its field in the form's language.
import { Box, Button, CheckBox, FormGroup, Input, Label, MessageBox, Text } from '@adminjs/design-system';
import { ApiClient, useNotice, useTranslation, type ActionProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';

const api = new ApiClient();

interface Field {
  name: string;
  kind: 'password' | 'text' | 'checklist';
  labelKey: string;
  options?: string[];
}
interface FormData {
  introKey: string;
  introValues?: Record<string, string>;
  fields: Field[];
  submitKey: string;
}

const PermitActionForm: React.FC<ActionProps> = ({ action, record, resource }) => {
  const { translateMessage, i18n } = useTranslation();
  const addNotice = useNotice();
  const navigate = useNavigate();
  const [form, setForm] = useState<FormData | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState<Record<string, string[]>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const t = (key: string, options?: Record<string, string>) => translateMessage(key, resource.id, options);

  useEffect(() => {
    api.recordAction({ resourceId: resource.id, recordId: record!.id, actionName: action.name }).then((response) => {
      setForm((response.data as { form?: FormData }).form ?? null);
    });
  }, [record?.id, action.name]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (submitting || !form) return;
    setSubmitting(true);
    const data: Record<string, string> = { language: i18n.language, ...values };
    for (const field of form.fields) if (field.kind === 'checklist') data[field.name] = (checked[field.name] ?? []).join('\n');
    try {
      const response = await api.recordAction({ resourceId: resource.id, recordId: record!.id, actionName: action.name, method: 'post', data });
      const answer = response.data as { notice?: { message: string; type: 'success' | 'error' }; record?: { errors?: Record<string, { message: string }> }; redirectUrl?: string };
      if (answer.notice) addNotice(answer.notice);
      if (answer.notice?.type === 'error') {
        setErrors(Object.fromEntries(Object.entries(answer.record?.errors ?? {}).map(([field, error]) => [field, error.message])));
        setValues((current) => ({ ...current, password: '' }));
        setSubmitting(false);
      } else if (answer.redirectUrl) navigate(answer.redirectUrl);
    } catch {
      addNotice({ message: 'forbiddenError', type: 'error' });
      setSubmitting(false);
    }
  };

  if (!form) return <Box variant="white" p="xl" />;
  const fieldNames = new Set(form.fields.map((f) => f.name));
  const otherErrors = Object.entries(errors).filter(([field]) => !fieldNames.has(field));
  return (
    <Box as="form" variant="white" p="xl" onSubmit={submit} data-testid="permit-action-form">
      <MessageBox mb="lg" message={t(form.introKey, form.introValues)} />
      {form.fields.map((field) => (
        <FormGroup key={field.name}>
          <Label required htmlFor={`permit-${field.name}`}>{t(field.labelKey)}</Label>
          {field.kind === 'checklist' ? (
            (field.options ?? []).map((option, index) => (
              <Box key={option} flex flexDirection="row" alignItems="center" mb="sm">
                <CheckBox
                  id={`permit-${field.name}-${index}`}
                  checked={(checked[field.name] ?? []).includes(option)}
                  onChange={() =>
                    setChecked((current) => {
                      const list = current[field.name] ?? [];
                      return { ...current, [field.name]: list.includes(option) ? list.filter((o) => o !== option) : [...list, option] };
                    })
                  }
                />
                <Label inline htmlFor={`permit-${field.name}-${index}`} ml="default">{option}</Label>
              </Box>
            ))
          ) : (
            <Input
              id={`permit-${field.name}`}
              name={field.name}
              type={field.kind === 'password' ? 'password' : 'text'}
              autoComplete={field.kind === 'password' ? 'current-password' : 'off'}
              value={values[field.name] ?? ''}
              width={1}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValues((current) => ({ ...current, [field.name]: e.target.value }))}
            />
          )}
          {errors[field.name] && <Text color="error" mt="sm" data-testid={`error-${field.name}`}>{errors[field.name]}</Text>}
        </FormGroup>
      ))}
      {otherErrors.map(([field, message]) => <MessageBox key={field} mb="lg" variant="danger" message={message} data-testid={`error-${field}`} />)}
      <Button type="submit" variant="contained" disabled={submitting} data-testid="submit-permit-action">{t(form.submitKey)}</Button>
    </Box>
  );
};

export default PermitActionForm;
