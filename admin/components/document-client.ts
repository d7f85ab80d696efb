// What the document components share: the back office's root path, the CSRF header, sizes, the upload.
import { useState } from 'react';
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

/** A one-file upload form's state: the file chosen, whether it is being sent, and what the server said.
 * `send` posts it (multipart, with the CSRF header) and tells whether the server took it. */
export function useFileUpload(missingMessage: string) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const send = async (url: string): Promise<boolean> => {
    if (!file) {
      setOutcome({ ok: false, message: missingMessage });
      return false;
    }
    setBusy(true);
    const body = new FormData();
    body.set('file', file);
    try {
      const response = await fetch(url, { method: 'POST', body, headers: csrfHeader(), credentials: 'same-origin' });
      const answer = await readJson<object>(response);
      setOutcome({ ok: response.ok, message: answer.message ?? String(response.status) });
      return response.ok;
    } finally {
      setBusy(false);
    }
  };
  return { file, setFile, busy, outcome, send };
}
