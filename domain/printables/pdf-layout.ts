// Small drawing helpers shared by the printed sheets (pdfkit). The standard Helvetica fonts are used:
// their WinAnsi encoding holds every Spanish letter and sign (á é í ó ú ü ñ ¿ ¡ º), and nothing needs
// to be embedded or found on the server.
import PDFDocument from 'pdfkit';

export type Pdf = PDFKit.PDFDocument;

export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';

export function newPdf(info: { title: string; size?: string | [number, number]; margin?: number }): Pdf {
  return new PDFDocument({
    size: info.size ?? 'A4',
    margin: info.margin ?? 40,
    info: { Title: info.title, Producer: 'Energy CMMS', Creator: 'Energy CMMS' },
  });
}

/** Starts a new page when fewer than `height` points are left above the bottom margin. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function heading(doc: Pdf, text: string): void {
  ensureSpace(doc, 40);
  doc.moveDown(0.6).font(BOLD).fontSize(11).fillColor('#000').text(text, doc.page.margins.left);
  const y = doc.y + 1;
  doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.5).stroke();
  doc.moveDown(0.3).font(FONT).fontSize(9);
}

/** A square to tick at the current line; ticked draws an X in it. */
export function box(doc: Pdf, x: number, y: number, ticked = false, size = 9): void {
  doc.lineWidth(0.7).rect(x, y, size, size).stroke();
  if (ticked) doc.moveTo(x + 2, y + 2).lineTo(x + size - 2, y + size - 2).moveTo(x + size - 2, y + 2).lineTo(x + 2, y + size - 2).stroke();
}

/** The whole PDF as bytes (tests, and batches small enough to hold). */
export function pdfBytes(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
