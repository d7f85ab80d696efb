// Input that cannot mean anything (a date that is no date, a page below one, a NUL byte, a body over
// its limit): refused before anything runs or is written. `key` names a message of the UI locales
// (admin/locales/malformed-input.*.ts); the HTTP layer answers `status` with it in the user's language.
export type MalformedInputStatus = 400 | 404 | 413 | 415 | 422;

export class MalformedInputError extends Error {
  constructor(
    readonly key: string,
    readonly values: Record<string, string | number> = {},
    readonly status: MalformedInputStatus = 400,
  ) {
    super(`malformed input: ${key} ${JSON.stringify(values)}`);
    this.name = 'MalformedInputError';
  }
}

/** "1 MB", "10 KB": a size limit as a message shows it. */
export function sizeLabel(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
