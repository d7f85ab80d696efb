// No API answer carries a secret: the record(s) AdminJS answers with lose every secret and write-only
// field (domain/access/secret-fields.ts) of any model, whatever action built them. AdminJS's new/edit
// answer with the params they were given, a typed password among them.
import type { NextFunction, Request, Response } from 'express';
import { SECRET_FIELDS, WRITE_ONLY_FIELDS } from '../domain/access/secret-fields.js';

const HIDDEN = new Set([...Object.values(SECRET_FIELDS), ...Object.values(WRITE_ONLY_FIELDS)].flat());

type RecordJson = { params?: Record<string, unknown>; populated?: Record<string, RecordJson | null> };

function scrub(record: RecordJson | null | undefined): void {
  if (!record || typeof record !== 'object') return;
  if (record.params && typeof record.params === 'object')
    for (const key of Object.keys(record.params)) if (HIDDEN.has(key.split('.')[0]!)) delete record.params[key];
  for (const related of Object.values(record.populated ?? {})) scrub(related);
}

export function withoutSecrets(_req: Request, res: Response, next: NextFunction): void {
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    const answer = body as { record?: RecordJson; records?: RecordJson[] } | null;
    if (answer && typeof answer === 'object') {
      scrub(answer.record);
      if (Array.isArray(answer.records)) answer.records.forEach(scrub);
    }
    return json(body);
  };
  next();
}
