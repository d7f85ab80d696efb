// "Rechazar" on a work request: one required reason, posted to the record action (POST, CSRF header from
// AdminJS's client); a refusal comes back beside the field in the form's language.
import { Box, Button, FormGroup, Label, MessageBox, Text, TextArea } from '@adminjs/design-system';
import { ApiClient, useNotice, useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import { useNavigate } from 'react-router';

const api = new ApiClient();

const RejectForm: React.FC<ActionProps> = ({ action, record, resource }) => {
  const { translateMessage, i18n } = useTranslation();
  const addNotice = useNotice();
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const t = (key: string) => translateMessage(key, resource.id);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    try {
      const response = await api.recordAction({
        resourceId: resource.id, recordId: record!.id, actionName: action.name, method: 'post', data: { reason, language: i18n.language },
      });
      const data = response.data as { notice?: { message: string; type: 'success' | 'error' }; record?: { errors?: Record<string, { message: string }> }; redirectUrl?: string };
      if (data.notice) addNotice(data.notice);
      if (data.notice?.type === 'error') {
        setError(data.record?.errors?.reason?.message ?? t('workRequestRejectRefused'));
        setSubmitting(false);
      } else if (data.redirectUrl) navigate(data.redirectUrl);
    } catch {
      addNotice({ message: 'forbiddenError', type: 'error' });
      setSubmitting(false);
    }
  };

  return (
    <Box as="form" variant="white" p="xl" onSubmit={submit} data-testid="reject-form">
      <MessageBox mb="lg" message={t('rejectIntro')} />
      <FormGroup>
        <Label required>{t('rejectReason')}</Label>
        <TextArea name="reason" width={1} rows={4} value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
        {error && <Text color="error" mt="sm" data-testid="error-reason">{error}</Text>}
      </FormGroup>
      <Button type="submit" variant="contained" disabled={submitting} data-testid="submit-reject">{t('rejectSubmit')}</Button>
    </Box>
  );
};

export default RejectForm;
