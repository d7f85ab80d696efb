// "Enviar": a draft goes out. Under the row lock, the transmittal must hold revisions and recipients,
// every recipient be active and every file in the store still be the one its revision recorded (the hash
// frozen on the transmittal is what the recipients verify). Each recipient gets a new link (a random
// token, only its hash kept, expiring after the configured days), the state becomes SENT, and after the
// commit one e-mail a recipient leaves through SMTP; an e-mail that fails is noted on its recipient
// (the others still go). Off, and refused saying so, until SMTP and PUBLIC_URL are configured.
import type { Prisma } from '@prisma/client';
import type { AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import type { Db } from '../../prisma/client.js';
import type { Mailer } from '../../integrations/messaging/mailer.js';
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import { hashStoredFile } from '../documents/stored-file.js';
import { Refusal } from '../refusal.js';
import { linkUrl, newLinkToken } from './link-token.js';
import { transmittalMail, writtenDay } from './transmittal-mail.js';
import { transmittalRefused } from './transmittal-refusal.js';
import { canSend } from './transmittal-states.js';

export interface TransmittalMailing {
  /** Null while SMTP_URL and MAIL_FROM are not set. */
  mailer: Mailer | null;
  /** The address recipients reach the back office at (PUBLIC_URL): links point there. */
  publicUrl: string | undefined;
  /** Days a recipient's link works (TRANSMITTAL_LINK_DAYS). */
  linkDays: number;
  /** The plant's language (DEFAULT_LOCALE): external contacts are written in it. */
  defaultLanguage: 'es' | 'en';
  timeZone: string;
  storage: ObjectStorage;
}

/** Whether e-mail can go out, and if not which settings are missing (the page says so). */
export function mailingState(mailing: Pick<TransmittalMailing, 'mailer' | 'publicUrl'>): { on: true } | { on: false; missing: string } {
  const missing = [!mailing.mailer && 'SMTP_URL, MAIL_FROM', !mailing.publicUrl && 'PUBLIC_URL'].filter(Boolean).join(', ');
  return missing ? { on: false, missing } : { on: true };
}

const WITH_PARTS = {
  sender: { select: { name: true } },
  documents: { orderBy: { id: 'asc' }, include: { revision: { include: { document: { select: { code: true, title: true } } } } } },
  recipients: { orderBy: { id: 'asc' }, include: { user: { select: { name: true, email: true, locale: true, isActive: true } }, externalContact: true } },
} satisfies Prisma.TransmittalInclude;

type TransmittalWithParts = Prisma.TransmittalGetPayload<{ include: typeof WITH_PARTS }>;

export interface SendOutcome {
  number: string;
  recipients: number;
  emailed: number;
  failed: { name: string; error: string }[];
}

export async function sendTransmittal(db: Db, mailing: TransmittalMailing, ability: AppAbility, transmittalId: number, now = new Date()): Promise<SendOutcome> {
  const state = mailingState(mailing);
  if (!state.on) throw transmittalRefused('mailOff', { missing: state.missing });
  const read = (tx: Prisma.TransactionClient, where: Prisma.TransmittalWhereInput) => tx.transmittal.findFirst({ where, include: WITH_PARTS });
  const expiresAt = new Date(now.getTime() + mailing.linkDays * 86_400_000);
  const { transmittal, links } = await changeAllowedRow(db, ability, { model: 'Transmittal', id: transmittalId, rule: 'send', read }, async (tx, transmittal) => {
    if (!canSend(transmittal.state)) throw transmittalRefused('wrongState', { state: transmittal.state });
    if (!transmittal.documents.length) throw transmittalRefused('noDocuments', {}, 'documents');
    if (!transmittal.recipients.length) throw transmittalRefused('noRecipients', {}, 'recipients');
    const inactive = transmittal.recipients.find((r) => (r.user ? !r.user.isActive : !r.externalContact?.isActive));
    if (inactive) throw transmittalRefused('recipientInactive', { name: nameOf(inactive) }, 'recipients');
    for (const item of transmittal.documents) await assertFileUnchanged(mailing.storage, item);
    const links = new Map<number, string>();
    for (const recipient of transmittal.recipients) {
      const { token, hash } = newLinkToken();
      links.set(recipient.id, token);
      await tx.transmittalRecipient.update({ where: { id: recipient.id }, data: { tokenHash: hash, linkExpiresAt: expiresAt, linkRevokedAt: null, emailedAt: null, emailError: null } });
    }
    await tx.transmittal.update({ where: { id: transmittal.id }, data: { state: 'SENT', sentAt: now } });
    return { transmittal, links };
  });

  // The links exist only in this process's memory from here on: each goes out once, in its e-mail.
  const failed: SendOutcome['failed'] = [];
  for (const recipient of transmittal.recipients) {
    const error = await mailLink(mailing, transmittal, recipient, links.get(recipient.id)!, expiresAt);
    await db.transmittalRecipient.update({ where: { id: recipient.id }, data: error ? { emailError: error.slice(0, 500) } : { emailedAt: new Date() } });
    if (error) failed.push({ name: nameOf(recipient), error });
  }
  return { number: transmittal.number, recipients: transmittal.recipients.length, emailed: transmittal.recipients.length - failed.length, failed };
}

/** The file in the store must still be the one the revision (and so the transmittal) recorded. */
async function assertFileUnchanged(storage: ObjectStorage, item: TransmittalWithParts['documents'][number]) {
  const code = `${item.revision.document.code} rev. ${item.revision.number}`;
  let current: string;
  try {
    current = await hashStoredFile(storage, item.revision.fileKey);
  } catch (error) {
    if (error instanceof Refusal) throw transmittalRefused('storedFileMissing', { document: code }, 'documents');
    throw error;
  }
  if (current !== item.sha256) throw transmittalRefused('storedFileChanged', { document: code }, 'documents');
}

type Recipient = TransmittalWithParts['recipients'][number];

function nameOf(recipient: Recipient): string {
  return recipient.user?.name ?? recipient.externalContact?.name ?? '';
}

/** Sends one recipient his link; the SMTP server's refusal when it fails (null when sent). */
async function mailLink(mailing: TransmittalMailing, transmittal: TransmittalWithParts, recipient: Recipient, token: string, expiresAt: Date): Promise<string | null> {
  const language = recipient.user ? (recipient.user.locale === 'en' ? 'en' : 'es') : mailing.defaultLanguage;
  const address = recipient.user?.email ?? recipient.externalContact!.email;
  const mail = transmittalMail({
    language,
    recipientName: nameOf(recipient),
    senderName: transmittal.sender.name,
    number: transmittal.number,
    subject: transmittal.subject,
    purpose: transmittal.purpose,
    message: transmittal.message,
    documents: transmittal.documents.map((d) => ({ code: d.revision.document.code, title: d.revision.document.title, revision: d.revision.number, fileName: d.revision.fileName })),
    acknowledgeBy: transmittal.acknowledgeBy ? writtenDay(transmittal.acknowledgeBy, language) : null,
    expiresOn: writtenDay(expiresAt, language, mailing.timeZone),
    link: linkUrl(mailing.publicUrl!, token),
  });
  try {
    await mailing.mailer!.send({ to: { name: nameOf(recipient), address }, ...mail, eventKey: `transmittal:${transmittal.id}:${recipient.id}` });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
