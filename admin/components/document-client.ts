// What the document components share: the back office's root path, the CSRF header, sizes.
import { adminRoot } from './admin-root.js';

export { adminRoot };

export function csrfHeader(): Record<string, string> {
  const token = /(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(document.cookie)?.[1];
  return token ? { 'x-xsrf-token': decodeURIComponent(token) } : {};
}

export const downloadUrl = (revisionId: number | string): string => `${adminRoot()}/documents/revisions/${revisionId}/download`;

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function readJson<T>(response: Response): Promise<T & { message?: string }> {
  const text = await response.text();
  try {
    return JSON.parse(text) as T & { message?: string };
  } catch {
    return { message: `${response.status} ${response.statusText}` } as T & { message?: string };
  }
}
