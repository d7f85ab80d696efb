// "Crear token" on the integration tokens: the system's name and the scope; the answer shows the token
// once, to copy into the SCADA or historian (it is stored only as its SHA-256 and never shown again).
import { Box, Button, FormGroup, Input, Label, MessageBox, Text } from '@adminjs/design-system';
import { ApiClient, useNotice, useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';

const api = new ApiClient();
type Answer = { token?: string; name?: string; errors?: Record<string, { message: string }>; notice?: { message: string; type: 'success' | 'error' } };

const IntegrationTokenForm: React.FC<ActionProps> = ({ resource, action }) => {
  const { translateMessage, translateLabel, translateProperty, i18n } = useTranslation();
  const addNotice = useNotice();
  const [name, setName] = useState('');
  const [scope, setScope] = useState('readings');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    try {
      const response = await api.resourceAction({ resourceId: resource.id, actionName: action.name, method: 'post', data: { name, scope, language: i18n.language } });
      const data = response.data as Answer;
      if (data.notice) addNotice(data.notice);
      setAnswer(data);
    } catch {
      addNotice({ message: 'forbiddenError', type: 'error' });
    }
    setSending(false);
  };

  if (answer?.token)
    return (
      <Box variant="white" p="xl" data-testid="integration-token-created">
        <MessageBox mb="lg" variant="success" message={translateMessage('integrationTokenCreated', resource.id, { name: answer.name ?? '' })} />
        <Text mb="md" fontWeight="bold">{translateMessage('integrationTokenShownOnce', resource.id)}</Text>
        <Box p="lg" mb="lg" style={{ fontFamily: 'monospace', background: '#f4f4f8', wordBreak: 'break-all' }} data-testid="integration-token">
          {answer.token}
        </Box>
      </Box>
    );

  const fieldError = (field: string) => answer?.errors?.[field] && <Text color="error" mt="sm" data-testid={`error-${field}`}>{answer.errors[field]!.message}</Text>;
  return (
    <Box as="form" variant="white" p="xl" onSubmit={submit} data-testid="integration-token-form">
      <MessageBox mb="lg" variant="info" message={translateMessage('integrationTokenIntro', resource.id)} />
      <FormGroup>
        <Label htmlFor="token-name" required>{translateProperty('name', resource.id)}</Label>
        <Input id="token-name" name="name" value={name} maxLength={80} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
        {fieldError('name')}
      </FormGroup>
      <FormGroup>
        <Label htmlFor="token-scope">{translateProperty('scope', resource.id)}</Label>
        <select id="token-scope" name="scope" value={scope} onChange={(e) => setScope(e.target.value)}>
          {['readings', 'points:read'].map((value) => (
            <option key={value} value={value}>{translateLabel(`scope.${value}`, resource.id, { defaultValue: value }) as string}</option>
          ))}
        </select>
        {fieldError('scope')}
      </FormGroup>
      <Button type="submit" variant="contained" disabled={sending} data-testid="create-token">{translateMessage('integrationTokenCreate', resource.id)}</Button>
    </Box>
  );
};

export default IntegrationTokenForm;
