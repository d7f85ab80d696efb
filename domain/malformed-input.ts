// Input that cannot mean anything (a date that is no date, a page below one, a NUL byte, a body over
// its limit): refused before anything runs or is written. A kind of Refusal, so the one HTTP mapping
// (server/http-errors.ts) answers it; `key` names a message of admin/locales/malformed-input.*.ts.
import { Refusal, type RefusalKind } from './refusal.js';

export type MalformedInputStatus = 400 | 404 | 413 | 415 | 422;

const KIND: Record<MalformedInputStatus, RefusalKind> = { 400: 'malformed', 404: 'notFound', 413: 'tooLarge', 415: 'unsupported', 422: 'invalid' };

export class MalformedInputError extends Refusal {
  constructor(
    key: string,
    readonly values: Record<string, string | number> = {},
    readonly status: MalformedInputStatus = 400,
  ) {
    super(key, values, { kind: KIND[status] });
    this.name = 'MalformedInputError';
  }
}

/** "1 MB", "10 KB": a size limit as a message shows it. */
export function sizeLabel(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
