// The printables' buttons (issue 24): "Imprimir" on an order and "Imprimir el día de un técnico" on the
// order list (both open a download of admin/printables/router.ts, which checks the rules again); on the
// asset list "Imprimir etiquetas QR" (a drawer over the list, so its filters go with the sheet); and on an
// asset, for administrators, "Generar nuevo enlace QR" and "Revocar enlace QR".
import type { Action, ActionResponse } from 'adminjs';
import { allowedTo } from '../../admin/access.js';
import { Components } from '../../admin/component-loader.js';
import { regeneratePortalLink, revokePortalLink } from '../../domain/portal/portal-links.js';
import type { Db } from '../../prisma/client.js';
import { recordAction } from '../record-action.js';

export const workOrderPrintActions = (): Record<string, Partial<Action<ActionResponse>>> => ({
  printWorkOrder: {
    actionType: 'record',
    icon: 'Printer',
    component: Components.PrintWorkOrder,
    isAccessible: allowedTo('read', 'WorkOrder'),
    handler: async (_request, _response, context) => ({ record: context.record!.toJSON(context.currentAdmin) }),
  },
  printTechnicianDay: {
    actionType: 'resource',
    icon: 'Printer',
    component: Components.PrintTechnicianDay,
    isAccessible: allowedTo('read', 'WorkOrder'),
    handler: async () => ({}),
  },
});

export const assetPrintActions = (prisma: Db): Record<string, Partial<Action<ActionResponse>>> => ({
  printLabels: {
    actionType: 'resource',
    icon: 'Grid',
    component: Components.PrintLabels,
    showInDrawer: true,
    isAccessible: allowedTo('export', 'Asset'),
    handler: async () => ({}),
  },
  regeneratePortalLink: recordAction({
    rule: ['update', 'AssetPortalLink'],
    icon: 'RefreshCw',
    guard: 'confirmRegeneratePortalLink',
    run: ({ id, ability }) => regeneratePortalLink(prisma, ability, id),
    success: 'portalLinkRegenerated',
  }),
  revokePortalLink: recordAction({
    rule: ['update', 'AssetPortalLink'],
    icon: 'Slash',
    guard: 'confirmRevokePortalLink',
    run: ({ id, ability }) => revokePortalLink(prisma, ability, id),
    success: 'portalLinkRevoked',
  }),
});
