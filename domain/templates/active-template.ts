// Which body a printable or message uses: the active template of its kind and language, else the
// default in code. The English default stands in for a missing English template, never the Spanish one.
import type { Db } from '../../prisma/client.js';
import { DEFAULT_BODIES } from './default-bodies.js';
import type { TemplateKind, TemplateLanguage } from './template-kinds.js';

type TemplateReader = Pick<Db, 'template'>;

export async function templateBodyFor(db: TemplateReader, kind: TemplateKind, language: TemplateLanguage): Promise<string> {
  const template = await db.template.findFirst({ where: { kind, language, active: true }, select: { body: true } });
  return template?.body ?? DEFAULT_BODIES[kind][language];
}
