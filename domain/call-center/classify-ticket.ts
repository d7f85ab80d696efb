// Classifying a ticket: where the issue is (an asset, or only a location when the caller could not say
// which equipment), how urgent it is and of which type. The asset's own location is taken when only the
// asset is given. A classified ticket is being handled: OPEN → IN_PROGRESS.
import { z } from 'zod';
import { changeAllowedRow } from '../access/allowed-row.js';
import { accessibleWhere, type AppAbility } from '../access/abilities.js';
import { Refusal } from '../refusal.js';
import { VOCABULARIES } from '../vocabularies.js';
import type { Db } from '../../prisma/client.js';
import { isOpenTicket, readTicket } from './ticket-states.js';

const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().positive().optional());

export const classificationInput = z.object({
  assetCode: z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined), z.string().max(40).optional()),
  locationId: optionalId,
  priority: z.enum(VOCABULARIES.Ticket.priority),
  type: z.enum(VOCABULARIES.Ticket.type),
});

export async function classifyTicket(db: Db, ability: AppAbility, ticketId: number, input: Record<string, unknown>) {
  const parsed = classificationInput.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'priority');
    throw new Refusal('ticketClassificationInvalid', {}, { field });
  }
  const { assetCode, locationId, priority, type } = parsed.data;
  if (!assetCode && !locationId) throw new Refusal('ticketNeedsPlace', {}, { field: 'assetCode' });
  return changeAllowedRow(db, ability, { model: 'Ticket', id: ticketId, rule: 'update', read: readTicket }, async (tx, ticket) => {
    if (!isOpenTicket(ticket.state)) throw new Refusal('ticketNotOpen', {}, { field: 'state' });
    // Read as the operator may read them: an asset he cannot see is one that does not exist.
    const assets = accessibleWhere(ability, 'read', 'Asset');
    const locations = accessibleWhere(ability, 'read', 'Location');
    const asset = assetCode && assets ? await tx.asset.findFirst({ where: { AND: [{ code: assetCode }, assets] }, select: { id: true, locationId: true } }) : null;
    if (assetCode && !asset) throw new Refusal('ticketAssetUnknown', { code: assetCode }, { field: 'assetCode' });
    if (locationId && !(locations && (await tx.location.findFirst({ where: { AND: [{ id: locationId }, locations] }, select: { id: true } }))))
      throw new Refusal('ticketLocationUnknown', {}, { field: 'locationId' });
    return tx.ticket.update({
      where: { id: ticket.id },
      data: { assetId: asset?.id ?? null, locationId: locationId ?? asset?.locationId ?? null, priority, type, state: 'IN_PROGRESS' },
    });
  });
}
