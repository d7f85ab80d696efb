import type { Db } from '../../prisma/client.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION, type ResourceSettings } from '../define-resource.js';
import { raiseCorrectiveActionAction } from '../audits/raise-action.js';
import { planningCalendarAction } from './planning-calendar-action.js';
import { workOrderPrintActions } from '../printables/print-actions.js';
import { workOrderFormActions, workOrderLifecycleActions } from './work-order-actions.js';
import { withWorkOrderCost, workOrderCostProperty } from '../inventory/work-order-cost-property.js';
import { linkServiceContractAction, withServiceLevel, workOrderServiceLevelProperty } from '../services/work-order-contract.js';
import { recordDowntimeFromOrderAction } from '../health/record-downtime-actions.js';

// The number comes from the database (gap-free per year); the state moves only through the
// lifecycle actions (issue 6), so neither is typed into the form.
export const workOrderResource = (prisma: Db, settings: ResourceSettings) =>
  defineResource(prisma, 'WorkOrder', {
    navigation: NAVIGATION.maintenance,
    sort: { sortBy: 'plannedOn', direction: 'desc' },
    // What a supervisor reads an order by: which, what, on what and where, who, how far, how urgent, when.
    listProperties: ['number', 'description', 'asset', 'location', 'technician', 'state', 'priority', 'plannedOn', 'kind'],
    filterProperties: ['number', 'description', 'kind', 'asset', 'location', 'technician', 'state', 'priority', 'plannedOn', 'schedule', 'project', 'serviceContract'],
    editProperties: ['kind', 'asset', 'schedule', 'workRequest', 'technician', 'priority', 'plannedOn', 'description', 'project'],
    showProperties: [
      'number', 'kind', 'state', 'priority', 'asset', 'location', 'schedule', 'workRequest', 'technician', 'plannedOn',
      'description', 'startedAt', 'completedAt', 'createdAt', 'updatedAt', 'project', 'serviceContract', 'serviceLevel',
      'stepValues', 'notes', 'closure', 'materials', 'cost', 'downtime', 'documents',
    ],
    properties: {
      documents: { type: 'string', components: { show: Components.Attachments }, custom: { owner: 'workOrderId' } },
      // services (issue 24): the contract's SLA clocks, or the active contracts covering the asset to hand it to
      serviceLevel: workOrderServiceLevelProperty,
      // inventory: labour + materials (resources/inventory/work-order-cost-property.ts)
      cost: workOrderCostProperty,
      number: { isVisible: { list: true, show: true, edit: false, filter: true } },
      // Virtual: the asset's location (DERIVED_REFERENCES), shown by name and sorted by it; as a filter, the
      // location and everything below it (RELATED_FILTERS in admin/adapter/model-settings.ts).
      location: { type: 'reference', reference: 'Location', isSortable: true, isVisible: { list: true, show: true, edit: false, filter: true } },
      state: { isVisible: { list: true, show: true, edit: false, filter: true } },
      description: { type: 'textarea' },
      stepValues: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'WorkOrderStepValue', filter: 'workOrder', columns: ['procedureStep', 'value', 'passed', 'recordedAt'], titleKey: 'relatedStepValues' },
      },
      notes: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'WorkOrderNote', filter: 'workOrder', columns: ['createdAt', 'author', 'text'], sortBy: 'createdAt', direction: 'desc', titleKey: 'relatedNotes' },
      },
      closure: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'WorkOrderClosure', filter: 'workOrder', columns: ['closedAt', 'laborHours', 'problem', 'cause', 'remedy', 'closedBy', 'observations'], titleKey: 'relatedClosure' },
      },
      // health (issue 25): the stops this order caused or ended
      downtime: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'DowntimeEvent', filter: 'workOrder', columns: ['startedAt', 'endedAt', 'planned', 'reason'], sortBy: 'startedAt', direction: 'desc', titleKey: 'relatedDowntime' },
      },
      materials: {
        type: 'string',
        components: { show: Components.RelatedRecords },
        custom: { resource: 'WorkOrderMaterial', filter: 'workOrder', columns: ['description', 'quantity', 'unit'], titleKey: 'relatedMaterials' },
      },
    },
    actions: {
      ...workOrderFormActions(prisma), ...workOrderLifecycleActions(prisma), ...workOrderPrintActions(), calendar: planningCalendarAction, show: { after: [withWorkOrderCost(prisma), withServiceLevel(prisma, settings)] },
      // audits (issue 23): a closed corrective order's failure gets a corrective action so it does not come back
      raiseCorrectiveAction: raiseCorrectiveActionAction(prisma, settings, 'WorkOrder'),
      // services (issue 24): hand the order to a contractor under a contract covering its asset
      linkServiceContract: linkServiceContractAction(prisma, settings),
      // health (issue 25): "Registrar parada"
      recordDowntime: recordDowntimeFromOrderAction(prisma),
    },
  });
