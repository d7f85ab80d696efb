// A sheet of asset labels: per label, the QR of the asset's portal address (drawn as vector squares from
// qrcode's module matrix, so it prints sharp at any size) and the LABEL_SHEET template's lines: the first
// in bold (the code, by default), the others smaller. A label whose link was revoked prints without a QR.
import QRCode from 'qrcode';
import { renderTemplate, type TemplateValues } from '../templates/render-template.js';
import type { LabelFormat } from './label-formats.js';
import { BOLD, FONT, newPdf, type Pdf } from './pdf-layout.js';

export interface AssetLabel {
  values: TemplateValues;
  /** The address the QR carries; null: no live link (revoked). */
  url: string | null;
}

const PADDING = 5;

export function labelsPdf(labels: AssetLabel[], format: LabelFormat, options: { body: string; title: string; noLinkText: string }): Pdf {
  const doc = newPdf({ title: options.title, size: format.page, margin: 0 });
  const perPage = format.columns * format.rows;
  labels.forEach((label, index) => {
    if (index > 0 && index % perPage === 0) doc.addPage();
    const slot = index % perPage;
    const x = format.left + (slot % format.columns) * format.pitchX;
    const y = format.top + Math.floor(slot / format.columns) * format.pitchY;
    drawLabel(doc, label, format, x, y, options);
  });
  return doc;
}

function drawLabel(doc: Pdf, label: AssetLabel, format: LabelFormat, x: number, y: number, options: { body: string; noLinkText: string }) {
  const qrSize = format.height - 2 * PADDING;
  if (label.url) drawQr(doc, label.url, x + PADDING, y + PADDING, qrSize);
  else doc.font(FONT).fontSize(6).fillColor('#777').text(options.noLinkText, x + PADDING, y + format.height / 2 - 4, { width: qrSize, align: 'center' }).fillColor('#000');
  const textX = x + PADDING * 2 + qrSize;
  const textWidth = format.width - (textX - x) - PADDING;
  const [first = '', ...rest] = renderTemplate(options.body, label.values, 'text').split('\n').filter((line) => line.trim());
  const big = Math.min(11, format.height / 5);
  doc.font(BOLD).fontSize(big).text(first, textX, y + PADDING + 1, { width: textWidth, height: big * 1.3, ellipsis: true, lineBreak: false });
  let lineY = y + PADDING + big * 1.4;
  for (const line of rest) {
    const size = Math.max(5.5, big * 0.72);
    if (lineY + size > y + format.height - PADDING) break;
    const room = y + format.height - PADDING - lineY;
    doc.font(FONT).fontSize(size).text(line, textX, lineY, { width: textWidth, height: Math.min(room, size * 2.4), ellipsis: true });
    lineY = doc.y + 1;
  }
}

/** The QR as one filled path of its dark modules; the label's white margin is its quiet zone. */
function drawQr(doc: Pdf, url: string, x: number, y: number, size: number) {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  // Four modules of quiet zone inside the square, as the standard asks.
  const module = size / (count + 8);
  const origin = { x: x + 4 * module, y: y + 4 * module };
  for (let row = 0; row < count; row++)
    for (let column = 0; column < count; column++)
      if (qr.modules.get(row, column)) doc.rect(origin.x + column * module, origin.y + row * module, module + 0.01, module + 0.01);
  doc.fillColor('#000').fill();
}
