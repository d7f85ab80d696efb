// "SLA del contrato" on a work order's page: the contract it was handed to and when, and each clock in words
// (met, running until when, breached) with the hours used of those allowed, moments in plant time. An open
// order not handed to anyone lists the contracts in force covering its asset, with the button to hand it over.
import { Box, Button, H5, Text } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import React from 'react';
import { useNavigate } from 'react-router';
import { adminRoot } from './admin-root.js';

type Clock = { state: 'RUNNING' | 'MET' | 'BREACHED'; due: string; stopped: string | null; elapsedHours: number; allowedHours: number };
type Level = {
  contract: { id: number; title: string } | null; handedOver: string | null; response: Clock | null; resolution: Clock | null;
  offers: { id: number; title: string; endsOn: string; responseHours: number; resolutionHours: number }[]; mayLink: boolean;
};

const ServiceLevel: React.FC<ShowPropertyProps> = ({ record, resource }) => {
  const { translateMessage, i18n } = useTranslation();
  const navigate = useNavigate();
  const raw = record?.params.serviceLevel as string | undefined;
  if (!raw) return null;
  const level = JSON.parse(raw) as Level;
  const t = (key: string, values?: Record<string, string | number>) => translateMessage(key, resource.id, values);
  const hours = (value: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(value);
  const clock = (name: 'response' | 'resolution', c: Clock) => (
    <Text key={name} data-testid={`sla-${name}`} fontWeight={c.state === 'BREACHED' ? 'bold' : 'normal'} color={c.state === 'BREACHED' ? 'error' : undefined}>
      {t(`slaClock_${name}`)}: {t(`slaState_${c.state}`, { due: c.due, stopped: c.stopped ?? '', used: hours(c.elapsedHours), allowed: c.allowedHours })}
    </Text>
  );

  return (
    <Box mb="xl" data-testid="service-level">
      <H5>{t('slaTitle')}</H5>
      {level.contract ? (
        <>
          <Text mb="sm">
            <a href={`${adminRoot()}/resources/ServiceContract/records/${level.contract.id}/show`}>{level.contract.title}</a>
            {' · '}{t('slaHandedOver', { at: level.handedOver ?? '' })}
          </Text>
          {level.response && clock('response', level.response)}
          {level.resolution && clock('resolution', level.resolution)}
        </>
      ) : level.offers.length ? (
        <>
          <Text mb="sm">{t('slaOffers')}</Text>
          {level.offers.map((offer) => (
            <Text key={offer.id} data-testid="sla-offer">
              {t('slaOffer', { title: offer.title, endsOn: offer.endsOn, response: offer.responseHours, resolution: offer.resolutionHours })}
            </Text>
          ))}
          {level.mayLink && (
            <Button mt="default" type="button" variant="outlined" size="sm" data-testid="sla-hand-over"
              onClick={() => navigate(`${adminRoot()}/resources/${resource.id}/records/${record!.id}/linkServiceContract`)}>
              {translateMessage('linkServiceContract', resource.id)}
            </Button>
          )}
        </>
      ) : (
        <Text>{t('slaNone')}</Text>
      )}
    </Box>
  );
};

export default ServiceLevel;
