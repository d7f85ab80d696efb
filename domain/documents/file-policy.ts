// What may be uploaded as a document revision: a few types recognised by their magic bytes (file-type),
// whose name's extension must agree with what the bytes say. A renamed executable is not a PDF.
import { fileTypeFromFile } from 'file-type';
import path from 'node:path';
import { documentRefused } from './errors.js';

/** Detected type → the extensions a file of that type may carry. */
export const ALLOWED_TYPES: Record<string, { extensions: string[]; label: string }> = {
  'application/pdf': { extensions: ['pdf'], label: 'PDF' },
  'image/png': { extensions: ['png'], label: 'PNG' },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extensions: ['docx'], label: 'Word (.docx)' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extensions: ['xlsx'], label: 'Excel (.xlsx)' },
};

export const ALLOWED_LABELS = Object.values(ALLOWED_TYPES).map((t) => t.label).join(', ');

export interface CheckedFile {
  contentType: string;
  /** The extension the stored key carries (from the bytes, not from the name). */
  extension: string;
}

export async function checkUploadedFile(file: { path: string; name: string }): Promise<CheckedFile> {
  const detected = await fileTypeFromFile(file.path);
  const allowed = detected && ALLOWED_TYPES[detected.mime];
  if (!detected || !allowed) throw documentRefused('fileTypeNotAllowed', { name: file.name, allowed: ALLOWED_LABELS });
  const extension = path.extname(file.name).slice(1).toLowerCase();
  if (!allowed.extensions.includes(extension))
    throw documentRefused('fileExtensionMismatch', { name: file.name, detected: allowed.label });
  return { contentType: detected.mime, extension: allowed.extensions[0]! };
}

/** A name safe to keep and show: no path, no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (cleaned || 'archivo').slice(-255);
}
