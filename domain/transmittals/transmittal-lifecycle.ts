// "Cancelar" a transmittal (a draft, or one still awaiting acknowledgements: its links stop working) and
// "Revocar enlace" of one recipient (a link sent to the wrong address, or leaked). Each under its own
// rule, with the row locked, so two clicks at once take turns.
import type { Prisma } from '@prisma/client';
import type { AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import type { Db } from '../../prisma/client.js';
import { transmittalRefused } from './transmittal-refusal.js';
import { canCancel } from './transmittal-states.js';

export async function cancelTransmittal(db: Db, ability: AppAbility, transmittalId: number, now = new Date()) {
  const read = (tx: Prisma.TransactionClient, where: Prisma.TransmittalWhereInput) => tx.transmittal.findFirst({ where });
  return changeAllowedRow(db, ability, { model: 'Transmittal', id: transmittalId, rule: 'cancel', read }, async (tx, transmittal) => {
    if (!canCancel(transmittal.state)) throw transmittalRefused('wrongState', { state: transmittal.state });
    return tx.transmittal.update({ where: { id: transmittal.id }, data: { state: 'CANCELLED', cancelledAt: now } });
  });
}

/** A recipient whose link can still be revoked: one was sent (it has an expiry), not revoked yet. */
export const canRevoke = (recipient: { linkExpiresAt?: unknown; linkRevokedAt?: unknown }) => !!recipient.linkExpiresAt && !recipient.linkRevokedAt;

export async function revokeLink(db: Db, ability: AppAbility, recipientId: number, now = new Date()) {
  const read = (tx: Prisma.TransactionClient, where: Prisma.TransmittalRecipientWhereInput) => tx.transmittalRecipient.findFirst({ where });
  return changeAllowedRow(db, ability, { model: 'TransmittalRecipient', id: recipientId, rule: 'revoke', read }, async (tx, recipient) => {
    if (!recipient.linkExpiresAt) throw transmittalRefused('notSent', {}, 'linkRevokedAt');
    if (recipient.linkRevokedAt) throw transmittalRefused('linkAlreadyRevoked', {}, 'linkRevokedAt');
    return tx.transmittalRecipient.update({ where: { id: recipient.id }, data: { linkRevokedAt: now } });
  });
}
