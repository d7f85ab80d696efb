import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION, type ResourceSettings } from '../define-resource.js';
import { raiseCorrectiveActionAction } from '../audits/raise-action.js';
import { incidentRatesAction } from './incident-rates-action.js';

// A safety incident (issue 23): near miss, first aid, lost-time injury, environmental, property damage;
// where and when, the asset, the people, what happened, the immediate actions, the investigation's
// causes and the days lost. Its corrective actions are raised from its page; "Indicadores mensuales" on
// the list shows the frequency and severity rates.
export const safetyIncidentResource = (prisma: Db, settings: ResourceSettings) =>
  defineResource(prisma, 'SafetyIncident', {
    navigation: NAVIGATION.safety,
    sort: { sortBy: 'occurredAt', direction: 'desc' },
    listProperties: ['number', 'kind', 'occurredAt', 'location', 'asset', 'description', 'daysLost'],
    editProperties: ['kind', 'occurredAt', 'location', 'asset', 'peopleInvolved', 'description', 'immediateActions', 'causes', 'daysLost'],
    filterProperties: ['number', 'kind', 'occurredAt', 'location', 'asset', 'reportedBy'],
    showProperties: ['number', 'kind', 'occurredAt', 'location', 'asset', 'peopleInvolved', 'description', 'immediateActions', 'causes', 'daysLost', 'reportedBy', 'correctiveActions', 'createdAt'],
    properties: {
      peopleInvolved: { type: 'textarea' },
      description: { type: 'textarea' },
      immediateActions: { type: 'textarea' },
      causes: { type: 'textarea' },
      correctiveActions: {
        type: 'string',
        isVisible: { list: false, show: true, filter: false, edit: false },
        components: { show: Components.RelatedRecords },
        custom: { resource: 'CorrectiveAction', filter: 'incident', columns: ['number', 'description', 'owner', 'dueOn', 'state'], titleKey: 'relatedCorrectiveActions' },
      },
    },
    actions: {
      raiseCorrectiveAction: raiseCorrectiveActionAction(prisma, settings, 'SafetyIncident'),
      incidentRates: incidentRatesAction(prisma, settings),
    },
  });
