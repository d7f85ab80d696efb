// Refusals of document operations a person reads: a message key (translated in
// admin/locales/documents.*.ts) and the values its message needs. Nothing is written when one is thrown.
import { Refusal, type MessageParams, type RefusalKind } from '../refusal.js';

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
  | 'tooManyQuestions'
  | 'storedFileChanged'
  | 'storedFileMissing'
  | 'documentNotFound';

const KINDS: Partial<Record<DocumentRefusal, RefusalKind>> = {
  fileTooLarge: 'tooLarge',
  requestTooLarge: 'tooLarge',
  tooManyRequests: 'tooMany',
  tooManyQuestions: 'tooMany',
  storedFileMissing: 'gone',
  wrongPassword: 'forbidden',
  documentNotFound: 'notFound',
};

export const documentRefused = (key: DocumentRefusal, params: MessageParams = {}): Refusal => new Refusal(key, params, { kind: KINDS[key] ?? 'invalid' });

/** The document or revision does not exist, or is hidden from this user (the two are not told apart). */
export const documentNotFound = (): Refusal => documentRefused('documentNotFound');
