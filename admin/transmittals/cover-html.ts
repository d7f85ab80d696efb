// The cover sheet and the recipients' link page as plain HTML (no script: the page works with the
// strictest CSP and without JavaScript). Every text from the database or a template is escaped here.
import type { CoverSheet } from '../../domain/transmittals/cover-sheet.js';

export const escapeHtml = (text: unknown): string =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c1c38;margin:0;background:#f6f7fb}
main{max-width:960px;margin:24px auto;background:#fff;padding:32px;border:1px solid #e0e2ea}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}.subject{color:#454655;margin:0 0 16px}
.lines p{margin:2px 0}table{border-collapse:collapse;width:100%;margin-top:8px;font-size:14px}
th,td{border:1px solid #d8dae3;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f0f1f7}
.table{overflow-x:auto}.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11px;word-break:break-all}
.notice{padding:12px 16px;border-left:4px solid #3040d6;background:#eef0fd;margin:16px 0}
.refused{border-left-color:#c20012;background:#fdeeee}button{font-size:16px;padding:10px 20px;background:#3040d6;color:#fff;border:0;border-radius:4px;cursor:pointer}
.footer{margin-top:24px;color:#454655}@media print{body{background:#fff}main{border:0;margin:0}form,.screen-only{display:none}}`;

/** A whole page around `body`, in its language, that no search engine keeps. */
export function htmlPage(language: 'es' | 'en', title: string, body: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex, nofollow"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** The cover sheet: the template's header lines, the documents sent, the footer lines. `fileLink` makes
 * each file name a download link (the recipient's page). */
export function coverSheetHtml(sheet: CoverSheet, fileLink?: (lineId: number) => string): string {
  const c = sheet.columns;
  const rows = sheet.documents
    .map((d) => {
      const name = fileLink ? `<a href="${escapeHtml(fileLink(d.lineId))}" data-line="${d.lineId}">${escapeHtml(d.fileName)}</a>` : escapeHtml(d.fileName);
      return `<tr><td>${escapeHtml(d.code)}</td><td>${escapeHtml(d.title)}</td><td>${d.revision}</td><td>${name}</td><td class="hash">${escapeHtml(d.sha256)}</td></tr>`;
    })
    .join('');
  return `<h1>${escapeHtml(sheet.number)}</h1><p class="subject">${escapeHtml(sheet.subject)}</p>` +
    `<div class="lines">${sheet.header.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>` +
    `<div class="table"><table><thead><tr><th>${escapeHtml(c.code)}</th><th>${escapeHtml(c.title)}</th><th>${escapeHtml(c.revision)}</th><th>${escapeHtml(c.fileName)}</th><th>${escapeHtml(c.sha256)}</th></tr></thead><tbody>${rows}</tbody></table></div>` +
    `<div class="footer lines">${sheet.footer.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>`;
}
