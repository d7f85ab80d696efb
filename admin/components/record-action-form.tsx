// The form of a record action that needs more than a button (the ticket, work-order and stock-move forms):
// the action answers a GET with the form's data and a POST with the outcome. Refusals come back per field
// (shown beside it with FieldError), a success follows the action's redirect. One place for that protocol.
import { Text } from '@adminjs/design-system';
import { ApiClient, useNotice, useTranslation, type ActionProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';

export type FieldErrors = Record<string, { message: string }>;
type Outcome = { notice?: { message: string; type: 'success' | 'error' }; record?: { errors?: FieldErrors }; redirectUrl?: string };

const api = new ApiClient();

/** The form's data once loaded (`loaded` fills the form's own state from it), its field errors, and `submit`. */
export function useRecordActionForm<Form>({ action, record, resource }: Pick<ActionProps, 'action' | 'record' | 'resource'>, loaded?: (form: Form) => void) {
  const { i18n } = useTranslation();
  const addNotice = useNotice();
  const navigate = useNavigate();
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    api.recordAction({ resourceId: resource.id, recordId: record!.id, actionName: action.name }).then((response) => {
      const data = (response.data as unknown as { form: Form }).form;
      setForm(data);
      loaded?.(data);
    });
  }, [record?.id, action.name]);

  /** The form's onSubmit: posts `payload` (in the reader's language); a second click while one is on its
   * way does nothing. */
  const submit = (payload: Record<string, unknown>) => async (event: React.FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    try {
      const response = await api.recordAction({
        resourceId: resource.id, recordId: record!.id, actionName: action.name, method: 'post', data: { ...payload, language: i18n.language },
      });
      const data = response.data as Outcome;
      if (data.notice) addNotice(data.notice);
      if (data.notice?.type === 'error') {
        setErrors(data.record?.errors ?? {});
        setSubmitting(false);
      } else if (data.redirectUrl) navigate(data.redirectUrl);
    } catch {
      addNotice({ message: 'forbiddenError', type: 'error' });
      setSubmitting(false);
    }
  };

  return { form, errors, submitting, submit };
}

/** A field's refusal, beside it. */
export const FieldError: React.FC<{ errors: FieldErrors; name: string }> = ({ errors, name }) =>
  errors[name] ? (
    <Text color="error" mt="sm" data-testid={`error-${name}`}>
      {errors[name]!.message}
    </Text>
  ) : null;
