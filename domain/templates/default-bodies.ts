// The body used for a kind and language when administrators have defined no active template of it (and
// what the template editor starts from). Placeholders each kind is given are listed in PLACEHOLDERS.
import type { TemplateKind, TemplateLanguage } from './template-kinds.js';

/** In a work-order print-out and a transmittal cover, a line holding only `---` separates the header
 * block (printed under the title) from the footer block (printed after the signature lines). */
export const BLOCK_SEPARATOR = /^\s*---\s*$/m;

export const DEFAULT_BODIES: Record<TemplateKind, Record<TemplateLanguage, string>> = {
  WORK_ORDER: {
    es: [
      'Orden de trabajo {{number}} · {{kind}}',
      'Activo: {{asset.code}} · {{asset.name}}',
      'Ubicación: {{location}}',
      'Prioridad: {{priority}} · Estado: {{state}}',
      'Planificada: {{plannedOn}}{{#startedAt}} · Iniciada: {{startedAt}}{{/startedAt}}{{#completedAt}} · Terminada: {{completedAt}}{{/completedAt}}',
      '{{#technician}}Técnico: {{technician}}{{/technician}}',
      'Trabajo: {{description}}',
      '---',
      'Devuelva esta hoja firmada al supervisor del área. Impresa el {{printedAt}}',
    ].join('\n'),
    en: [
      'Work order {{number}} · {{kind}}',
      'Asset: {{asset.code}} · {{asset.name}}',
      'Location: {{location}}',
      'Priority: {{priority}} · State: {{state}}',
      'Planned: {{plannedOn}}{{#startedAt}} · Started: {{startedAt}}{{/startedAt}}{{#completedAt}} · Completed: {{completedAt}}{{/completedAt}}',
      '{{#technician}}Technician: {{technician}}{{/technician}}',
      'Work: {{description}}',
      '---',
      'Return this sheet signed to the area supervisor. Printed on {{printedAt}}',
    ].join('\n'),
  },
  TRANSMITTAL_COVER: {
    es: [
      'Transmisión {{number}}',
      'Fecha: {{date}}',
      'De: {{sender}}',
      'Para: {{#recipients}}{{name}}; {{/recipients}}',
      'Propósito: {{purpose}}',
      '---',
      'Confirme la recepción con el enlace que recibió por correo ("Acuso recibo").',
    ].join('\n'),
    en: [
      'Transmittal {{number}}',
      'Date: {{date}}',
      'From: {{sender}}',
      'To: {{#recipients}}{{name}}; {{/recipients}}',
      'Purpose: {{purpose}}',
      '---',
      'Please acknowledge receipt with the link you received by e-mail.',
    ].join('\n'),
  },
  NOTIFICATION_EMAIL: {
    es: '<p>{{message}}</p>{{#link}}<p><a href="{{link}}">Abrir en el CMMS</a></p>{{/link}}',
    en: '<p>{{message}}</p>{{#link}}<p><a href="{{link}}">Open in the CMMS</a></p>{{/link}}',
  },
  LABEL_SHEET: {
    es: '{{code}}\n{{name}}\n{{location}}',
    en: '{{code}}\n{{name}}\n{{location}}',
  },
};

/** The placeholders each kind's values carry, shown beside the editor. */
export const PLACEHOLDERS: Record<TemplateKind, readonly string[]> = {
  WORK_ORDER: [
    'number', 'kind', 'state', 'priority', 'description', 'asset.code', 'asset.name', 'location', 'plannedOn',
    'startedAt', 'completedAt', 'technician', 'printedAt',
  ],
  TRANSMITTAL_COVER: ['number', 'date', 'sender', 'recipients (name)', 'purpose', 'documents (code, revision, title, hash)'],
  NOTIFICATION_EMAIL: ['message', 'link'],
  LABEL_SHEET: ['code', 'name', 'location'],
};

/** Splits a rendered print-out into its header and footer blocks (no separator: all header). */
export function headerAndFooter(rendered: string): { header: string; footer: string } {
  const [header, ...rest] = rendered.split(BLOCK_SEPARATOR);
  return { header: (header ?? '').trim(), footer: rest.join('\n').trim() };
}
