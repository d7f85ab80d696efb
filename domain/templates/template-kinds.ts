// What a template is for, and the languages it may be written in. The database holds the same lists as
// CHECK constraints (test/vocabularies.test.ts compares them through VOCABULARIES).
export const TEMPLATE_KINDS = ['WORK_ORDER', 'TRANSMITTAL_COVER', 'NOTIFICATION_EMAIL', 'LABEL_SHEET'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_LANGUAGES = ['es', 'en'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

/** How a kind's rendered text is used: drawn as text in a PDF, or sent as an HTML e-mail. */
export const TEMPLATE_FORMAT: Record<TemplateKind, 'text' | 'html'> = {
  WORK_ORDER: 'text',
  TRANSMITTAL_COVER: 'text',
  NOTIFICATION_EMAIL: 'html',
  LABEL_SHEET: 'text',
};

export function isTemplateKind(value: unknown): value is TemplateKind {
  return typeof value === 'string' && (TEMPLATE_KINDS as readonly string[]).includes(value);
}

export function templateLanguageOf(value: unknown): TemplateLanguage {
  return value === 'en' ? 'en' : 'es';
}
