// "Acuso recibo": the recipient of a working link acknowledges receipt. One immutable row (who, as he
// was named then, when, IP and user agent as the app sees them); the transmittal becomes partially or
// fully acknowledged. The transmittal's row is locked, so two recipients at once count each other, and a
// second click finds the acknowledgement already there (answered with it, nothing written twice).
import type { Db } from '../../prisma/client.js';
import { LINK_INCLUDE, openLink, recipientName } from './recipient-link.js';
import { acknowledgedState } from './transmittal-states.js';

export interface AcknowledgeInput {
  token: string;
  ip: string;
  userAgent: string;
}

export async function acknowledgeReceipt(db: Db, input: AcknowledgeInput, now = new Date()) {
  return db.transactionAs(async (tx) => {
    const link = await openLink((tokenHash: string) => tx.transmittalRecipient.findUnique({ where: { tokenHash }, include: LINK_INCLUDE }), input.token, now);
    await tx.$queryRaw`SELECT id FROM transmittals WHERE id = ${link.transmittalId} FOR UPDATE`;
    const existing = await tx.transmittalAcknowledgement.findUnique({ where: { recipientId: link.id } });
    if (existing) return { acknowledgement: existing, alreadyAcknowledged: true };
    const acknowledgement = await tx.transmittalAcknowledgement.create({
      data: {
        recipientId: link.id,
        transmittalId: link.transmittalId,
        acknowledgedAt: now,
        name: recipientName(link).slice(0, 200),
        email: (link.user?.email ?? link.externalContact?.email ?? '').slice(0, 254),
        ip: input.ip.slice(0, 64),
        userAgent: input.userAgent.slice(0, 500),
      },
    });
    const [acknowledged, recipients] = await Promise.all([
      tx.transmittalAcknowledgement.count({ where: { transmittalId: link.transmittalId } }),
      tx.transmittalRecipient.count({ where: { transmittalId: link.transmittalId } }),
    ]);
    await tx.transmittal.update({ where: { id: link.transmittalId }, data: { state: acknowledgedState(acknowledged, recipients) } });
    return { acknowledgement, alreadyAcknowledged: false };
  });
}
