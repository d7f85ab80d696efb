// The call centre's ticket forms: "Clasificar" (asset by code or location, type, priority), "Responder"
// (what the operator told the caller) and "Vincular a aviso" (an open work request). The action answers
// a GET with the form's data and a POST with the outcome; refusals come back beside their field.
import { Box, Button, FormGroup, Label, MessageBox, Text, TextArea } from '@adminjs/design-system';
import { ApiClient, useNotice, useTranslation, type ActionProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';

interface FormData {
  ticket: { assetCode: string; locationId: string; priority: string; type: string };
  assets?: { code: string; description: string }[];
  locations?: { id: number; fullName: string }[];
  workRequests?: { id: number; title: string }[];
  priorities: string[];
  types: string[];
}

const api = new ApiClient();
const field: React.CSSProperties = { width: '100%', padding: '8px', border: '1px solid #c0c0ca', borderRadius: 2, background: '#fff', boxSizing: 'border-box' };

const TicketForm: React.FC<ActionProps> = ({ action, record, resource }) => {
  const { translateMessage, translateLabel, i18n } = useTranslation();
  const addNotice = useNotice();
  const navigate = useNavigate();
  const [form, setForm] = useState<FormData | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, { message: string }>>({});
  const [submitting, setSubmitting] = useState(false);
  const t = (key: string, params?: Record<string, string | number>) => translateMessage(key, resource.id, params);
  const valueLabel = (name: string, value: string) => translateLabel(`${name}.${value}`, resource.id, { defaultValue: value }) as string;
  const set = (name: string) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setValues({ ...values, [name]: e.target.value });

  useEffect(() => {
    api.recordAction({ resourceId: resource.id, recordId: record!.id, actionName: action.name }).then((response) => {
      const data = (response.data as unknown as { form: FormData }).form;
      setForm(data);
      setValues(action.name === 'classify' ? { ...data.ticket } : {});
    });
  }, [record?.id, action.name]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    try {
      const response = await api.recordAction({
        resourceId: resource.id, recordId: record!.id, actionName: action.name, method: 'post',
        data: { ...values, language: i18n.language },
      });
      const data = response.data as { notice?: { message: string; type: 'success' | 'error' }; record?: { errors?: Record<string, { message: string }> }; redirectUrl?: string };
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

  const error = (name: string) =>
    errors[name] ? (
      <Text color="error" mt="sm" data-testid={`error-${name}`}>
        {errors[name]!.message}
      </Text>
    ) : null;
  if (!form) return <Text>{t('formLoading')}</Text>;

  return (
    <Box as="form" variant="white" p="xl" onSubmit={submit} data-testid={`ticket-${action.name}`}>
      {errors.state && <MessageBox mb="lg" variant="danger" message={errors.state.message} />}
      {action.name === 'classify' && (
        <>
          <MessageBox mb="lg" message={t('ticketClassifyIntro')} />
          <FormGroup>
            <Label>{t('ticketAssetCodeLabel')}</Label>
            <input style={field} name="assetCode" list="ticket-assets" value={values.assetCode ?? ''} onChange={set('assetCode')} placeholder={t('ticketAssetCodePlaceholder')} />
            <datalist id="ticket-assets">
              {(form.assets ?? []).map((a) => (
                <option key={a.code} value={a.code}>{`${a.code} · ${a.description}`}</option>
              ))}
            </datalist>
            {error('assetCode')}
          </FormGroup>
          <FormGroup>
            <Label>{t('ticketLocationLabel')}</Label>
            <select style={field} name="locationId" value={values.locationId ?? ''} onChange={set('locationId')}>
              <option value="">{t('ticketLocationFromAsset')}</option>
              {(form.locations ?? []).map((l) => (
                <option key={l.id} value={l.id}>{l.fullName}</option>
              ))}
            </select>
            {error('locationId')}
          </FormGroup>
          <FormGroup>
            <Label required>{t('ticketTypeLabel')}</Label>
            <select style={field} name="type" value={values.type ?? ''} onChange={set('type')}>
              {form.types.map((v) => (
                <option key={v} value={v}>{valueLabel('type', v)}</option>
              ))}
            </select>
            {error('type')}
          </FormGroup>
          <FormGroup>
            <Label required>{t('ticketPriorityLabel')}</Label>
            <select style={field} name="priority" value={values.priority ?? ''} onChange={set('priority')}>
              {form.priorities.map((v) => (
                <option key={v} value={v}>{valueLabel('priority', v)}</option>
              ))}
            </select>
            {error('priority')}
          </FormGroup>
        </>
      )}
      {action.name === 'answer' && (
        <FormGroup>
          <Label required>{t('ticketAnswerLabel')}</Label>
          <TextArea style={{ width: '100%', minHeight: 120 }} name="body" value={values.body ?? ''} onChange={set('body')} />
          {error('body')}
        </FormGroup>
      )}
      {action.name === 'link' && (
        <FormGroup>
          <Label required>{t('ticketLinkLabel')}</Label>
          <select style={field} name="workRequestId" value={values.workRequestId ?? ''} onChange={set('workRequestId')}>
            <option value="">{t('selectPlaceholder')}</option>
            {(form.workRequests ?? []).map((w) => (
              <option key={w.id} value={w.id}>{w.title}</option>
            ))}
          </select>
          {error('workRequestId')}
        </FormGroup>
      )}
      <Button variant="contained" type="submit" disabled={submitting} data-testid="ticket-submit">
        {t(`ticketSubmit_${action.name}`)}
      </Button>
    </Box>
  );
};

export default TicketForm;
