// "Entregar a contratista" on an open work order: choose one of the contracts in force covering its asset;
// the SLA clocks start when it is saved. A refusal comes back beside the choice.
import { Box, Button, FormGroup, Label, MessageBox, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import { FieldError, useRecordActionForm } from './record-action-form.js';

type Form = { offers: { id: number; title: string; endsOn: string; responseHours: number; resolutionHours: number }[] };

const LinkContractForm: React.FC<ActionProps> = (props) => {
  const { translateMessage } = useTranslation();
  const [chosen, setChosen] = useState('');
  const { form, errors, submitting, submit } = useRecordActionForm<Form>(props, (loaded) => setChosen(loaded.offers.length === 1 ? String(loaded.offers[0]!.id) : ''));
  const t = (key: string, values?: Record<string, string | number>) => translateMessage(key, props.resource.id, values);
  if (!form) return <Text>…</Text>;

  return (
    <Box as="form" variant="white" p="xl" onSubmit={submit({ serviceContract: chosen })} data-testid="link-contract-form">
      <MessageBox mb="lg" message={t(form.offers.length ? 'slaLinkIntro' : 'slaLinkNoOffers')} />
      {form.offers.length > 0 && (
        <FormGroup>
          <Label required htmlFor="serviceContract">{translateMessage('slaLinkContract', props.resource.id)}</Label>
          <select id="serviceContract" name="serviceContract" value={chosen} onChange={(e) => setChosen(e.target.value)} style={{ padding: 8, minWidth: 320 }}>
            <option value="">—</option>
            {form.offers.map((offer) => (
              <option key={offer.id} value={offer.id}>
                {t('slaOffer', { title: offer.title, endsOn: offer.endsOn, response: offer.responseHours, resolution: offer.resolutionHours })}
              </option>
            ))}
          </select>
          <FieldError errors={errors} name="serviceContract" />
        </FormGroup>
      )}
      <Button type="submit" variant="contained" disabled={submitting || !form.offers.length} data-testid="submit-link-contract">{t('slaLinkSubmit')}</Button>
    </Box>
  );
};

export default LinkContractForm;
