// What an export request may say: the list's own filters (`filters.<property>`, date ranges as
// `filters.<property>~~from` / `~~to`) and the language of the sheet. Anything the list could not have
// sent (a property it does not filter by, a value its filter cannot hold) is refused with a 400 that
// names it, instead of exporting more rows than the list showed.
import { Filter, type BaseResource, type PropertyDecorator } from 'adminjs';
import type { Request } from 'express';
import { languageOf, type Language } from '../locales/render.js';

export class ExportRequestError extends Error {
  constructor(
    readonly key: 'exportUnknownFilter' | 'exportBadFilterValue' | 'exportBadQuery',
    readonly params: Record<string, string> = {},
  ) {
    super(key);
  }
}

const MAX_INT = 2_147_483_647;
const MAX_VALUE_LENGTH = 200;

/** The sheet's language: the page's (it sends the language it shows), else the user's. */
export function exportLanguage(req: Request, userLocale: unknown): Language {
  const asked = req.query.lang;
  if (asked === undefined) return languageOf(userLocale);
  if (asked !== 'es' && asked !== 'en') throw new ExportRequestError('exportBadQuery');
  return asked;
}

/** The list's filter from the query string, every key and value checked against the list's filters. */
export function exportFilter(req: Request, resource: BaseResource): Filter {
  const properties = new Map(resource.decorate().getProperties({ where: 'filter' }).map((p) => [p.propertyPath, p]));
  const filters: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.query)) {
    if (key === 'filters') throw new ExportRequestError('exportBadQuery'); // filters[x]=..., not the list's form
    if (!key.startsWith('filters.')) continue;
    const name = key.slice('filters.'.length);
    const [path, bound, ...rest] = name.split('~~');
    const property = properties.get(path!);
    if (!property || rest.length || (bound !== undefined && bound !== 'from' && bound !== 'to')) throw new ExportRequestError('exportUnknownFilter', { filter: name.slice(0, 60) });
    if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH || !acceptable(property, bound, value))
      throw new ExportRequestError('exportBadFilterValue', { filter: path!, value: String(value).slice(0, 60) });
    if (value !== '') filters[name] = value;
  }
  return new Filter(filters, resource);
}

function acceptable(property: PropertyDecorator, bound: string | undefined, value: string): boolean {
  if (value === '') return true;
  const type = property.type();
  if (type === 'date' || type === 'datetime') return bound !== undefined && !Number.isNaN(Date.parse(value));
  if (bound !== undefined) return false;
  if (property.reference() || property.propertyPath === 'id') return /^[1-9]\d{0,9}$/.test(value) && Number(value) <= MAX_INT;
  if (type === 'number' || type === 'float') return value.trim() !== '' && Number.isFinite(Number(value));
  if (type === 'boolean') return value === 'true' || value === 'false';
  const choices = property.availableValues();
  if (choices?.length) return choices.some((choice) => choice.value === value);
  return true;
}
