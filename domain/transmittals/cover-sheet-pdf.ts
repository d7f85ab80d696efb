// The cover sheet as a PDF (pdfkit, with the printables' layout helpers): the template's header lines,
// the table of revisions sent with their frozen SHA-256, a line for the recipient to sign on paper, and
// the template's footer. Text is drawn, not interpreted: a template or a title cannot inject anything.
import { BOLD, ensureSpace, FONT, heading, newPdf, type Pdf } from '../printables/pdf-layout.js';
import type { CoverSheet } from './cover-sheet.js';

const WORDS = {
  es: { documents: 'Documentos enviados', received: 'Recibido por (nombre, firma y fecha)' },
  en: { documents: 'Documents sent', received: 'Received by (name, signature and date)' },
} as const;

export function coverSheetPdf(sheet: CoverSheet): Pdf {
  const words = WORDS[sheet.language];
  const doc = newPdf({ title: `${sheet.number} · ${sheet.subject}` });
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.font(BOLD).fontSize(15).fillColor('#000').text(sheet.number);
  doc.font(FONT).fontSize(11).text(sheet.subject).moveDown(0.5).fontSize(10);
  for (const line of sheet.header) doc.text(line);

  heading(doc, words.documents);
  // Code and revision, title, file; the hash on its own line below (64 characters do not fit a column).
  const columns = [
    { title: `${sheet.columns.code} / ${sheet.columns.revision}`, width: 110 },
    { title: sheet.columns.title, width: width - 110 - 150 },
    { title: sheet.columns.fileName, width: 150 },
  ];
  const row = (cells: string[], font: string) => {
    ensureSpace(doc, 28);
    const top = doc.y;
    let x = left;
    let bottom = top;
    cells.forEach((cell, i) => {
      doc.font(font).fontSize(9).text(cell, x, top, { width: columns[i]!.width - 6 });
      bottom = Math.max(bottom, doc.y);
      x += columns[i]!.width;
    });
    doc.y = bottom;
    doc.x = left;
  };
  row(columns.map((c) => c.title), BOLD);
  for (const d of sheet.documents) {
    row([`${d.code} rev. ${d.revision}`, d.title, d.fileName], FONT);
    doc.font(FONT).fontSize(7).fillColor('#444').text(`${sheet.columns.sha256}: ${d.sha256}`, left, doc.y, { width }).fillColor('#000').moveDown(0.4);
  }

  ensureSpace(doc, 60);
  doc.moveDown(2).font(FONT).fontSize(9).text(words.received, left);
  const y = doc.y + 24;
  doc.moveTo(left, y).lineTo(left + width * 0.6, y).lineWidth(0.5).stroke();
  doc.y = y + 10;
  if (sheet.footer.length) doc.moveDown(1).fontSize(8).fillColor('#333').text(sheet.footer.join('\n'), left).fillColor('#000');
  return doc;
}
