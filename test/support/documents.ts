// Files and uploads for document tests: small but real files (their magic bytes are what is checked).
import type { HttpClient } from './http-client.js';

/** A minimal, well-formed one-page PDF whose text is `text`. */
export function aPdf(text = 'Plano de la bomba'): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 PNG. */
export const A_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** What a Windows executable starts with. */
export const AN_EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);

export async function uploadRevision(client: HttpClient, documentId: number, content: Buffer, fileName: string) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(content)]), fileName);
  return client.json<{ revision?: { id: number; number: number; sha256: string; size: number }; error?: string; message?: string }>(
    `/admin/documents/${documentId}/revisions`,
    { method: 'POST', body: form },
  );
}

export async function signRevision(client: HttpClient, revisionId: number, password: string, userAgent = 'Pruebas/1.0 (planta)', headers: Record<string, string> = {}) {
  return client.json<{ signature?: { id: number; sha256: string }; documentApproved?: boolean; error?: string; message?: string }>(
    `/admin/documents/revisions/${revisionId}/sign`,
    { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': userAgent, ...headers }, body: JSON.stringify({ password }) },
  );
}
