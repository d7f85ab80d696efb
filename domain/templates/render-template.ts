// Templates are Mustache (mustache.js): logic-less, so a template can only put values in places and
// repeat or skip a block; it cannot call code. Three more guards make that hold for bodies written by
// people: (1) the body is checked before it is stored or rendered: raw output ({{{x}}}, {{& x}}),
// partials ({{> x}}) and delimiter changes ({{= =}}) are refused, so every value goes through the escape;
// (2) the values are copied into plain data without prototypes (no functions, so no Mustache lambdas, and
// no `constructor` or `__proto__` to reach; arrays too); (3) names of Object's built-ins are refused.
import Mustache from 'mustache';
import { Refusal } from '../refusal.js';

export type TemplateValue = string | number | boolean | null | undefined | Date | TemplateValue[] | TemplateValues;
export interface TemplateValues {
  [name: string]: TemplateValue;
}

/** html: every value escaped for HTML (e-mails, pages); text: drawn literally (a PDF has no markup to inject). */
export type TemplateFormat = 'html' | 'text';

export const TEMPLATE_BODY_MAX = 20_000;

type Token = [string, string, number, number, Token[]?, ...unknown[]];

const FORBIDDEN_TAGS: Record<string, string> = { '&': 'templateRawOutput', '>': 'templatePartial', '=': 'templateDelimiters' };
// Object's own methods and the prototype links: the values have no prototype, so these reach nothing,
// but a body naming them is a probe, refused with a clear reason rather than rendered empty.
const BUILT_IN_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Refuses a body that is not a safe template, with the reason a person can act on (which tag, where). */
export function checkTemplateBody(body: string): void {
  if (body.length > TEMPLATE_BODY_MAX) throw new Refusal('templateTooLong', { max: TEMPLATE_BODY_MAX }, { field: 'body' });
  let tokens: Token[];
  try {
    tokens = Mustache.parse(body) as Token[];
  } catch (error) {
    throw new Refusal('templateSyntax', { detail: error instanceof Error ? error.message : String(error) }, { field: 'body' });
  }
  const walk = (list: Token[]): void => {
    for (const token of list) {
      const [type, name] = token;
      const key = FORBIDDEN_TAGS[type];
      if (key) throw new Refusal(key, { tag: body.slice(token[2], token[3]) }, { field: 'body' });
      if (type === 'name' || type === '#' || type === '^') {
        const builtIn = name.split('.').find((part) => BUILT_IN_NAMES.has(part));
        if (builtIn) throw new Refusal('templateBuiltInName', { tag: body.slice(token[2], token[3]) }, { field: 'body' });
      }
      if (token[4]) walk(token[4]);
    }
  };
  walk(tokens);
}

/** Plain data only: objects without a prototype, arrays copied, dates as ISO text, functions dropped. */
function plainData(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const copy = value.map(plainData).filter((item) => item !== undefined);
    Object.setPrototypeOf(copy, null);
    return copy;
  }
  if (typeof value === 'object') {
    const copy = Object.create(null) as Record<string, unknown>;
    for (const [name, item] of Object.entries(value)) {
      const data = plainData(item);
      if (data !== undefined) copy[name] = data;
    }
    return copy;
  }
  return undefined;
}

const escapeText = (value: unknown): string => String(value);

/** Renders a checked body with the values; refuses an unsafe body (see checkTemplateBody). */
export function renderTemplate(body: string, values: TemplateValues, format: TemplateFormat = 'html'): string {
  checkTemplateBody(body);
  const view = plainData(values) as object;
  // Mustache caches parsed templates by body: cheap on a batch print of many orders with one template.
  return Mustache.render(body, view, {}, format === 'text' ? { escape: escapeText } : { escape: Mustache.escape });
}
