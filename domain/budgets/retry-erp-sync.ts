// "Reintentar sincronización": an approved requisition the ERP refused (or that keeps failing) is put back
// in the queue of the next sync run, its last error cleared; the run itself decides what happens.
import type { Prisma } from '@prisma/client';
import { changeAllowedRow } from '../access/allowed-row.js';
import type { AppAbility } from '../access/abilities.js';
import { Refusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';

/** Offered on approved requisitions whose last sync failed or that have not reached the ERP yet. */
export function canRetryErpSync(record: { state?: unknown; erpSyncState?: unknown }): boolean {
  return record.state === 'APPROVED' && (record.erpSyncState === 'FAILED' || record.erpSyncState === 'PENDING');
}

export async function retryErpSync(db: Db, ability: AppAbility, requisitionId: number) {
  return changeAllowedRow(db, ability, { model: 'Requisition', id: requisitionId, rule: 'update', read: (tx, where: Prisma.RequisitionWhereInput) => tx.requisition.findFirst({ where }) }, async (tx, requisition) => {
    if (requisition.state !== 'APPROVED') throw new Refusal('erpRetryRefused_notApproved', {}, { field: 'erpSyncState' });
    if (requisition.erpSyncState === 'SENT') throw new Refusal('erpRetryRefused_alreadySynced', { erpId: requisition.erpId ?? '' }, { field: 'erpSyncState' });
    return tx.requisition.update({ where: { id: requisitionId }, data: { erpSyncState: 'PENDING', erpLastError: null } });
  });
}
