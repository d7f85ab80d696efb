// The call centre's ticket forms: "Clasificar" (asset by code or location, type, priority), "Responder"
// (what the operator told the caller) and "Vincular a aviso" (an open work request). The action answers
// a GET with the form's data and a POST with the outcome; refusals come back beside their field.
import { Box, Button, FormGroup, Label, MessageBox, Text, TextArea } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import { FieldError, useRecordActionForm } from './record-action-form.js';

interface FormData {
  ticket: { assetCode: string; locationId: string; priority: string; type: string };
  assets?: { code: string; description: string }[];
  locations?: { id: number; fullName: string }[];
  workRequests?: { id: number; title: string }[];
  priorities: string[];
  types: string[];
}

const field: React.CSSProperties = { width: '100%', padding: '8px', border: '1px solid #c0c0ca', borderRadius: 2, background: '#fff', boxSizing: 'border-box' };

const TicketForm: React.FC<ActionProps> = ({ action, record, resource }) => {
  const { translateMessage, translateLabel } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  const { form, errors, submitting, submit } = useRecordActionForm<FormData>({ action, record, resource }, (data) =>
    setValues(action.name === 'classify' ? { ...data.ticket } : {}),
  );
  const t = (key: string, params?: Record<string, string | number>) => translateMessage(key, resource.id, params);
  const valueLabel = (name: string, value: string) => translateLabel(`${name}.${value}`, resource.id, { defaultValue: value }) as string;
  const set = (name: string) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setValues({ ...values, [name]: e.target.value });
  const error = (name: string) => <FieldError errors={errors} name={name} />;
  if (!form) return <Text>{t('formLoading')}</Text>;

  return (
    <Box as="form" variant="white" p="xl" onSubmit={submit(values)} data-testid={`ticket-${action.name}`}>
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
