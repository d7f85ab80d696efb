// Refusals of document operations a person reads: a code (translated in admin/locales/documents.*.ts)
// and the values its message needs. Nothing is written when one is thrown.
export type DocumentRefusal =
  | 'fileMissing'
  | 'fileTooLarge'
  | 'requestTooLarge'
  | 'fileTypeNotAllowed'
  | 'fileExtensionMismatch'
  | 'documentObsolete'
  | 'revisionNotLatest'
  | 'notANamedSigner'
  | 'alreadySigned'
  | 'wrongPassword'
  | 'tooManyRequests'
  | 'storedFileChanged'
  | 'storedFileMissing';

export class DocumentRefusedError extends Error {
  constructor(
    readonly reason: DocumentRefusal,
    readonly values: Record<string, string | number> = {},
  ) {
    super(`document operation refused: ${reason} ${JSON.stringify(values)}`);
    this.name = 'DocumentRefusedError';
  }
}

/** The document or revision does not exist, or is hidden from this user (the two are not told apart). */
export class DocumentNotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = 'DocumentNotFoundError';
  }
}
