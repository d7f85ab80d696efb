// The e-mail that carries a recipient's link, in his language (a user's own; an external contact's is
// the plant's default). Plain text: the link, what is sent, by when to acknowledge, until when it works.
import { VOCABULARIES } from '../vocabularies.js';

type Language = 'es' | 'en';
type Purpose = (typeof VOCABULARIES.Transmittal.purpose)[number];

const PURPOSES: Record<Language, Record<Purpose, string>> = {
  es: { INFORMATION: 'para información', APPROVAL: 'para aprobación', CONSTRUCTION: 'para construcción' },
  en: { INFORMATION: 'for information', APPROVAL: 'for approval', CONSTRUCTION: 'for construction' },
};

const WORDS = {
  es: {
    greeting: (name: string) => `Estimado/a ${name}:`,
    intro: (sender: string, number: string, purpose: string) => `${sender} le envía el transmittal ${number} ${purpose}.`,
    documents: 'Documentos enviados:',
    revision: 'rev.',
    acknowledgeBy: (day: string) => `Por favor acuse recibo antes del ${day}.`,
    acknowledge: 'Abra el enlace para ver la carátula, descargar los archivos y acusar recibo:',
    expires: (day: string) => `El enlace es personal y vence el ${day}.`,
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    intro: (sender: string, number: string, purpose: string) => `${sender} sends you transmittal ${number} ${purpose}.`,
    documents: 'Documents sent:',
    revision: 'rev.',
    acknowledgeBy: (day: string) => `Please acknowledge receipt by ${day}.`,
    acknowledge: 'Open the link to see the cover sheet, download the files and acknowledge receipt:',
    expires: (day: string) => `The link is personal and expires on ${day}.`,
  },
} as const;

export interface TransmittalMailContent {
  language: Language;
  recipientName: string;
  senderName: string;
  number: string;
  subject: string;
  purpose: string;
  message: string | null;
  documents: { code: string; title: string; revision: number; fileName: string }[];
  /** Plant calendar days, already written the language's way. */
  acknowledgeBy: string | null;
  expiresOn: string;
  link: string;
}

export function transmittalMail(content: TransmittalMailContent): { subject: string; text: string } {
  const words = WORDS[content.language];
  const purpose = PURPOSES[content.language][content.purpose as Purpose] ?? content.purpose;
  const lines = [
    words.greeting(content.recipientName),
    '',
    words.intro(content.senderName, content.number, purpose),
    ...(content.message ? ['', content.message] : []),
    '',
    words.documents,
    ...content.documents.map((d) => `- ${d.code} · ${d.title}, ${words.revision} ${d.revision} (${d.fileName})`),
    '',
    ...(content.acknowledgeBy ? [words.acknowledgeBy(content.acknowledgeBy)] : []),
    words.acknowledge,
    content.link,
    '',
    words.expires(content.expiresOn),
  ];
  return { subject: `${content.number} · ${content.subject} (${purpose})`, text: lines.join('\n') };
}

/** A calendar day as the language writes it: 30/11/2026, 11/30/2026. */
export function writtenDay(day: Date, language: Language, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-US' : 'es-HN', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(day);
}
