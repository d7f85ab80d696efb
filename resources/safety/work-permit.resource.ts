import type { ActionRequest } from 'adminjs';
import { Components } from '../../admin/component-loader.js';
import type { Db } from '../../prisma/client.js';
import { defineResource, NAVIGATION, type ResourceSettings } from '../define-resource.js';
import { workPermitActions } from './work-permit-actions.js';

const related = (resource: string, columns: string[], titleKey: string, add?: Record<string, string>) => ({
  type: 'string' as const,
  isVisible: { list: false, show: true, filter: false, edit: false },
  components: { show: Components.RelatedRecords },
  custom: { resource, filter: 'permit', columns, titleKey, ...(add && { add }) },
});

// A permit to work for an order on an asset (issue 23). A supervisor drafts it (kind, window, crew, the
// points to isolate on its page), requests it ticking the kind's checks; the safety officer approves it
// signing with his password; the points are locked, tagged and verified; it is activated, and the order
// may start. Its state moves only through its buttons (work-permit-actions.ts).
export const workPermitResource = (prisma: Db, settings: ResourceSettings) =>
  defineResource(prisma, 'WorkPermit', {
    navigation: NAVIGATION.safety,
    sort: { sortBy: 'createdAt', direction: 'desc' },
    listProperties: ['number', 'permitKind', 'workOrder', 'asset', 'state', 'validFrom', 'validUntil'],
    editProperties: ['permitKind', 'workOrder', 'asset', 'description', 'validFrom', 'validUntil', 'crew'],
    filterProperties: ['number', 'permitKind', 'workOrder', 'asset', 'state', 'validFrom', 'validUntil'],
    showProperties: [
      'number', 'permitKind', 'workOrder', 'asset', 'description', 'state', 'validFrom', 'validUntil', 'crew', 'precautions',
      'requestedBy', 'requestedAt', 'approvedBy', 'approvedAt', 'activatedAt', 'suspendedAt', 'suspensionReason', 'closedBy', 'closedAt', 'cancelledAt',
      'isolations', 'gasTests', 'signatures', 'createdAt',
    ],
    properties: {
      description: { type: 'textarea' },
      crew: { type: 'textarea' },
      precautions: { type: 'textarea' },
      isolations: related('PermitIsolation', ['isolationPoint', 'lockNumber', 'lockedBy', 'lockedAt', 'verifiedBy', 'verifiedAt', 'removedBy', 'removedAt'], 'relatedPermitIsolations', { choose: 'isolationPoint', chooseFrom: 'IsolationPoint', buttonKey: 'relatedAddIsolationPoint' }),
      gasTests: related('PermitGasTest', ['takenAt', 'oxygenPct', 'lelPct', 'h2sPpm', 'coPpm', 'withinLimits', 'takenBy'], 'relatedPermitGasTests'),
      signatures: related('PermitSignature', ['purpose', 'signer', 'signedAt', 'ip', 'sha256'], 'relatedPermitSignatures'),
    },
    actions: {
      // The permit is for the order's asset unless the form names another (a part of it).
      new: {
        before: async (request: ActionRequest) => {
          const payload = request.payload as Record<string, unknown> | undefined;
          if (request.method === 'post' && payload && !payload.asset && /^\d+$/.test(String(payload.workOrder ?? ''))) {
            const order = await prisma.workOrder.findUnique({ where: { id: Number(payload.workOrder) }, select: { assetId: true } });
            if (order) request.payload = { ...payload, asset: String(order.assetId) };
          }
          return request;
        },
      },
      ...workPermitActions(prisma, settings),
    },
  });
