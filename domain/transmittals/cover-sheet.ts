// A transmittal's cover sheet: the header and footer come from the template of kind TRANSMITTAL_COVER
// in the reader's language (an administrator's active one, else the default body; domain/templates/),
// rendered as text with its values; between them, the table of what is sent (code, title, revision,
// file, the SHA-256 frozen when it was added). The same sheet for the sender's page and the recipient's
// link; the layers that draw it (HTML, PDF) escape or draw the text themselves.
import type { Prisma } from '@prisma/client';
import { resourceTranslationsEN } from '../labels/resources.en.js';
import { resourceTranslationsES } from '../labels/resources.es.js';
import { templateBodyFor } from '../templates/active-template.js';
import { headerAndFooter } from '../templates/default-bodies.js';
import { renderTemplate } from '../templates/render-template.js';
import type { Db } from '../../prisma/client.js';
import { writtenDay } from './transmittal-mail.js';

export const COVER_INCLUDE = {
  sender: { select: { name: true } },
  documents: { orderBy: { id: 'asc' }, include: { revision: { include: { document: { select: { code: true, title: true } } } } } },
  recipients: { orderBy: { id: 'asc' }, include: { user: { select: { name: true } }, externalContact: { select: { name: true, company: true } } } },
} satisfies Prisma.TransmittalInclude;

export type CoverTransmittal = Prisma.TransmittalGetPayload<{ include: typeof COVER_INCLUDE }>;

export interface CoverSheet {
  language: 'es' | 'en';
  number: string;
  subject: string;
  header: string[];
  footer: string[];
  /** Column titles of the documents table, in the sheet's language. */
  columns: { code: string; title: string; revision: string; fileName: string; sha256: string };
  documents: { lineId: number; code: string; title: string; revision: number; fileName: string; size: number; sha256: string }[];
}

const COLUMNS = {
  es: { code: 'Documento', title: 'Título', revision: 'Rev.', fileName: 'Archivo', sha256: 'SHA-256' },
  en: { code: 'Document', title: 'Title', revision: 'Rev.', fileName: 'File', sha256: 'SHA-256' },
} as const;

export async function coverSheetOf(db: Pick<Db, 'template'>, transmittal: CoverTransmittal, language: 'es' | 'en', timeZone: string, now = new Date()): Promise<CoverSheet> {
  const labels = (language === 'en' ? resourceTranslationsEN : resourceTranslationsES).Transmittal.labels;
  const documents = transmittal.documents.map((line) => ({
    lineId: line.id,
    code: line.revision.document.code,
    title: line.revision.document.title,
    revision: line.revision.number,
    fileName: line.revision.fileName,
    size: line.revision.size,
    sha256: line.sha256,
  }));
  const values = {
    number: transmittal.number,
    date: writtenDay(transmittal.sentAt ?? now, language, timeZone),
    sender: transmittal.sender.name,
    subject: transmittal.subject,
    message: transmittal.message ?? '',
    purpose: (labels.purpose as Record<string, string>)[transmittal.purpose] ?? transmittal.purpose,
    state: (labels.state as Record<string, string>)[transmittal.state] ?? transmittal.state,
    acknowledgeBy: transmittal.acknowledgeBy ? writtenDay(transmittal.acknowledgeBy, language) : '',
    recipients: transmittal.recipients.map((r) => ({ name: r.user?.name ?? [r.externalContact?.name, r.externalContact?.company].filter(Boolean).join(', ') })),
    documents: documents.map((d) => ({ code: d.code, revision: d.revision, title: d.title, hash: d.sha256 })),
  };
  const body = await templateBodyFor(db, 'TRANSMITTAL_COVER', language);
  const { header, footer } = headerAndFooter(renderTemplate(body, values, 'text'));
  const lines = (text: string) => text.split('\n').map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
  return { language, number: transmittal.number, subject: transmittal.subject, header: lines(header), footer: lines(footer), columns: COLUMNS[language], documents };
}
