// What a recipient's link opens. The token is looked up by its hash; a link that is unknown, revoked,
// expired or whose transmittal was cancelled opens nothing, and says which of these it is (the page
// tells the person to ask the sender for a new one). It gives access to its own transmittal's files only.
import type { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { Refusal } from '../refusal.js';
import { LINK_TOKEN_PATTERN, linkTokenHash } from './link-token.js';

export type LinkRefusal = 'linkUnknown' | 'linkRevoked' | 'linkExpired' | 'transmittalCancelled';

export const linkRefused = (reason: LinkRefusal, params: Record<string, string> = {}) =>
  new Refusal(`transmittalLink_${reason}`, params, { kind: reason === 'linkUnknown' ? 'notFound' : 'gone' });

export const LINK_INCLUDE = {
  user: { select: { name: true, email: true, locale: true } },
  externalContact: { select: { name: true, email: true, company: true } },
  acknowledgement: true,
  transmittal: {
    include: {
      sender: { select: { name: true, email: true } },
      documents: { orderBy: { id: 'asc' }, include: { revision: { include: { document: { select: { code: true, title: true } } } } } },
      recipients: { orderBy: { id: 'asc' }, include: { user: { select: { name: true } }, externalContact: { select: { name: true, company: true } }, acknowledgement: { select: { acknowledgedAt: true } } } },
    },
  },
} satisfies Prisma.TransmittalRecipientInclude;

export type OpenedLink = Prisma.TransmittalRecipientGetPayload<{ include: typeof LINK_INCLUDE }>;

/** Finds the recipient whose token has this hash, with LINK_INCLUDE (from the client or a transaction). */
export type LinkLookup = (tokenHash: string) => Promise<OpenedLink | null>;

export const linkLookup = (db: Db): LinkLookup => (tokenHash) => db.transmittalRecipient.findUnique({ where: { tokenHash }, include: LINK_INCLUDE });

/** The recipient and his transmittal, when `token` is a working link; a refusal saying why otherwise. */
export async function openLink(find: LinkLookup, token: string, now = new Date()): Promise<OpenedLink> {
  if (!LINK_TOKEN_PATTERN.test(token)) throw linkRefused('linkUnknown');
  const recipient = await find(linkTokenHash(token));
  if (!recipient || !recipient.linkExpiresAt) throw linkRefused('linkUnknown');
  if (recipient.transmittal.state === 'CANCELLED') throw linkRefused('transmittalCancelled', { number: recipient.transmittal.number });
  if (recipient.linkRevokedAt) throw linkRefused('linkRevoked', { number: recipient.transmittal.number });
  if (recipient.linkExpiresAt <= now) throw linkRefused('linkExpired', { number: recipient.transmittal.number });
  return recipient;
}

/** One revision this link's transmittal sent, by its line id; any other line (another transmittal's) is
 * not found, exactly like a line that does not exist. */
export function sentFileOf(link: OpenedLink, lineId: number) {
  const line = link.transmittal.documents.find((d) => d.id === lineId);
  if (!line) throw linkRefused('linkUnknown');
  return line;
}

export function recipientName(link: Pick<OpenedLink, 'user' | 'externalContact'>): string {
  return link.user?.name ?? link.externalContact?.name ?? '';
}
