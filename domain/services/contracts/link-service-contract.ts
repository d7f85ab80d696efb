// Handing a work order to a contractor: the order is linked to one of the contracts covering its asset and
// in force today (plant calendar). The database notes the moment (contract_assigned_at): the SLA clocks
// start there. An order already finished is not handed over; linking it again to the same contract keeps
// its clocks, to another restarts them.
import type { Prisma } from '@prisma/client';
import type { Db } from '../../../prisma/client.js';
import type { AppAbility } from '../../access/abilities.js';
import { changeAllowedRow } from '../../access/allowed-row.js';
import { todayIn } from '../../dates.js';
import { OPEN_WORK_ORDER_STATES } from '../../maintenance/work-order-lifecycle.js';
import { Refusal } from '../../refusal.js';
import { contractsCovering } from './contract-coverage.js';

export async function linkServiceContract(db: Db, ability: AppAbility, workOrderId: number, contractId: unknown, timeZone: string, now = new Date()) {
  const chosen = typeof contractId === 'string' || typeof contractId === 'number' ? Number(contractId) : NaN;
  if (!Number.isSafeInteger(chosen) || chosen <= 0) throw new Refusal('serviceContractRefused_noneChosen', {}, { field: 'serviceContract' });
  const read = (tx: Prisma.TransactionClient, where: Prisma.WorkOrderWhereInput) => tx.workOrder.findFirst({ where });
  return changeAllowedRow(db, ability, { model: 'WorkOrder', id: workOrderId, rule: 'update', read }, async (tx, order) => {
    if (!(OPEN_WORK_ORDER_STATES as readonly string[]).includes(order.state)) throw new Refusal('serviceContractRefused_orderFinished', { number: order.number }, { field: 'serviceContract' });
    const covering = await contractsCovering(tx, ability, order.assetId, todayIn(timeZone, now));
    if (!covering.some((contract) => contract.id === chosen)) throw new Refusal('serviceContractRefused_notCovering', {}, { field: 'serviceContract' });
    if (order.serviceContractId === chosen) return order;
    return tx.workOrder.update({ where: { id: workOrderId }, data: { serviceContractId: chosen } });
  });
}
