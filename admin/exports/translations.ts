// The UI's own labels, for the headers and closed values of an export in the viewer's language.
import { en } from '../locales/en.js';
import { es } from '../locales/es.js';
import type { Language } from '../locales/render.js';

interface ResourceTexts {
  properties?: Record<string, string>;
  labels?: Record<string, Record<string, string>>;
}

export function resourceTexts(language: Language, model: string): ResourceTexts {
  return ((language === 'en' ? en : es).resources as Record<string, ResourceTexts>)[model] ?? {};
}

/** A model's name in the navigation ("Órdenes de trabajo"). */
export function resourceLabel(language: Language, model: string): string {
  return ((language === 'en' ? en : es).labels as Record<string, string>)[model] ?? model;
}
