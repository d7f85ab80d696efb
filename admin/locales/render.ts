// Renders a message of the UI locales on the server, for refusals that carry parameters (closeout
// errors: which field, which value). Spanish unless the form said it shows English.
import { en } from './en.js';
import { es } from './es.js';

export type Language = 'es' | 'en';

export const languageOf = (value: unknown): Language => (value === 'en' ? 'en' : 'es');

/** The message in that language: the resource's own wording first (as AdminJS looks it up), then the
 * common one; an unknown key comes back as it is. */
export function renderMessage(language: Language, key: string, params: Record<string, string | number> = {}, resource?: string): string {
  const locale = language === 'en' ? en : es;
  const own = resource && (locale.resources as Record<string, { messages?: Record<string, string> }>)[resource]?.messages?.[key];
  const template = own || ((locale.messages as Record<string, string>)[key] ?? key);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
