// Renders a message of the UI locales on the server, for refusals that carry parameters (closeout
// errors: which field, which value). Spanish unless the form said it shows English.
import { en } from './en.js';
import { es } from './es.js';

export type Language = 'es' | 'en';

export const languageOf = (value: unknown): Language => (value === 'en' ? 'en' : 'es');

export function renderMessage(language: Language, key: string, params: Record<string, string | number> = {}): string {
  const messages = (language === 'en' ? en : es).messages as Record<string, string>;
  const template = messages[key] ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
