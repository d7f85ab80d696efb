// The printed work order. The template (kind WORK_ORDER) supplies the text: its body, rendered with the
// order's values, is split at a line `---` into a header block (printed under the title: number, asset,
// location, priority, dates...) and a footer block (printed last: instructions, form code). What needs
// drawing is laid out here, the same for every template: the steps with boxes to fill, permits and
// isolations, reserved materials, the closeout and the signature lines. One order or a whole day: each
// order starts on a new page.
import { headerAndFooter } from '../templates/default-bodies.js';
import { renderTemplate } from '../templates/render-template.js';
import { BOLD, box, ensureSpace, FONT, heading, newPdf, type Pdf } from './pdf-layout.js';
import { PRINTABLE_WORDS, type PrintLanguage, type PrintWords } from './printable-words.js';
import type { SheetStep, WorkOrderSheet } from './work-order-sheet.js';

export function workOrderPdf(sheets: WorkOrderSheet[], options: { body: string; language: PrintLanguage; title: string; emptyNote?: string }): Pdf {
  const words = PRINTABLE_WORDS[options.language];
  const doc = newPdf({ title: options.title });
  if (!sheets.length) doc.font(BOLD).fontSize(14).text(options.title).moveDown().font(FONT).fontSize(10).text(options.emptyNote ?? words.noOrders);
  sheets.forEach((sheet, index) => {
    if (index > 0) doc.addPage();
    drawSheet(doc, sheet, options.body, words);
  });
  return doc;
}

function drawSheet(doc: Pdf, sheet: WorkOrderSheet, body: string, words: PrintWords): void {
  const { header, footer } = headerAndFooter(renderTemplate(body, sheet.values, 'text'));
  const [title = sheet.number, ...headerLines] = header.split('\n');
  doc.font(BOLD).fontSize(15).fillColor('#000').text(title);
  doc.moveDown(0.3).font(FONT).fontSize(10);
  for (const line of headerLines) if (line.trim()) doc.text(line);

  drawSteps(doc, sheet.steps, words);
  drawPermits(doc, sheet, words);
  drawMaterials(doc, sheet, words);
  if (sheet.closure || sheet.completion) drawCloseout(doc, sheet, words);
  drawSignatures(doc, sheet, words);
  if (footer) {
    ensureSpace(doc, 30);
    doc.moveDown(1).font(FONT).fontSize(8).fillColor('#333').text(footer).fillColor('#000');
  }
}

function drawSteps(doc: Pdf, steps: SheetStep[], words: PrintWords): void {
  heading(doc, words.steps);
  if (!steps.length) {
    doc.text(words.noSteps);
    for (let i = 0; i < 4; i++) ruledLine(doc);
    return;
  }
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  const answerX = right - 170;
  for (const step of steps) {
    ensureSpace(doc, 30);
    const top = doc.y;
    doc.font(FONT).fontSize(9).text(`${step.position}. ${step.instruction}`, left, top, { width: answerX - left - 10 });
    if (step.range) doc.fontSize(7).fillColor('#555').text(`${words.range}: ${step.range}`, left + 12, doc.y, { width: answerX - left - 20 }).fillColor('#000').fontSize(9);
    const bottom = doc.y;
    if (step.valueType === 'BOOLEAN') {
      box(doc, answerX, top, step.value === 'yes');
      doc.text(words.ok, answerX + 13, top, { lineBreak: false });
      box(doc, answerX + 75, top, step.value === 'no');
      doc.text(words.notOk, answerX + 88, top, { lineBreak: false });
    } else {
      // A box to write the value in; a recorded value is printed in it, and its result beside.
      doc.lineWidth(0.7).rect(answerX, top - 2, 120, 14).stroke();
      if (step.value !== null) doc.font(BOLD).text(`${step.value}${step.unit && step.valueType === 'NUMBER' ? ` ${step.unit}` : ''}`, answerX + 3, top + 1, { width: 114, lineBreak: false }).font(FONT);
      else if (step.unit && !step.range) doc.fillColor('#777').text(step.unit, answerX + 90, top + 1, { width: 27, lineBreak: false }).fillColor('#000');
      if (step.passed !== null) doc.text(step.passed ? words.ok : words.notOk, answerX + 124, top + 1, { width: 46, lineBreak: false });
    }
    doc.x = left;
    doc.y = Math.max(bottom, top + 14) + 5;
  }
}

function drawPermits(doc: Pdf, sheet: WorkOrderSheet, words: PrintWords): void {
  heading(doc, words.permits);
  if (!sheet.permits.length) return void doc.text(words.noPermits);
  for (const permit of sheet.permits) {
    ensureSpace(doc, 30);
    doc.font(BOLD).text(`${permit.number} · ${permit.kind} · ${permit.state}`).font(FONT).text(`${words.validity}: ${permit.validity}`);
    for (const isolation of permit.isolations) {
      ensureSpace(doc, 24);
      const parts = [`${words.isolation}: ${isolation.point}`];
      if (isolation.lockNumber) parts.push(`${words.lock} ${isolation.lockNumber}`);
      if (isolation.lockedBy) parts.push(`${words.lockedBy} ${isolation.lockedBy}`);
      if (isolation.verifiedBy) parts.push(`${words.verifiedBy} ${isolation.verifiedBy}`);
      if (isolation.removedAt) parts.push(`${words.removed} ${isolation.removedAt}`);
      const y = doc.y;
      box(doc, doc.page.margins.left + 8, y, !!isolation.verifiedBy, 8);
      doc.text(parts.join(' · '), doc.page.margins.left + 22, y);
      doc.x = doc.page.margins.left;
    }
    doc.moveDown(0.3);
  }
}

function drawMaterials(doc: Pdf, sheet: WorkOrderSheet, words: PrintWords): void {
  heading(doc, words.materials);
  if (!sheet.reserved.length) doc.text(words.noMaterials);
  for (const line of sheet.reserved) {
    ensureSpace(doc, 14);
    doc.text(`${line.material} · ${words.warehouse}: ${line.warehouse} · ${words.quantity}: ${line.quantity} (${line.state})`);
  }
  if (sheet.used.length) {
    doc.moveDown(0.3).font(BOLD).text(words.materialsUsed).font(FONT);
    for (const line of sheet.used) doc.text(`${line.description} · ${line.quantity}`);
  }
}

function drawCloseout(doc: Pdf, sheet: WorkOrderSheet, words: PrintWords): void {
  heading(doc, words.closeout);
  const report = sheet.closure ?? sheet.completion;
  if (report) doc.text(`${words.laborHours}: ${report.laborHours}`);
  if (sheet.closure) {
    for (const [label, value] of [[words.problem, sheet.closure.problem], [words.cause, sheet.closure.cause], [words.remedy, sheet.closure.remedy], [words.observations, sheet.closure.observations]] as const)
      if (value) doc.text(`${label}: ${value}`);
  }
}

function drawSignatures(doc: Pdf, sheet: WorkOrderSheet, words: PrintWords): void {
  heading(doc, words.signatures);
  const signed = [
    ...(sheet.completion ? [{ role: words.completedBy, name: sheet.completion.reportedBy, at: sheet.completion.reportedAt }] : []),
    ...(sheet.closure ? [{ role: words.closedBy, name: sheet.closure.closedBy, at: sheet.closure.closedAt }] : []),
    ...sheet.permits.flatMap((permit) => permit.signatures),
  ];
  for (const signature of signed) {
    ensureSpace(doc, 14);
    doc.text(`${words.signedElectronically} · ${signature.role}: ${signature.name}, ${signature.at}${'sha256' in signature && signature.sha256 ? ` · SHA-256 ${signature.sha256.slice(0, 16)}…` : ''}`);
  }
  // Lines for wet signatures: on the field copy, and on the closed record for the archive.
  ensureSpace(doc, 70);
  doc.moveDown(2.2);
  const left = doc.page.margins.left;
  const width = (doc.page.width - left - doc.page.margins.right - 40) / 3;
  const y = doc.y;
  [words.technicianSignature, words.supervisorSignature, words.safetySignature].forEach((role, i) => {
    const x = left + i * (width + 20);
    doc.moveTo(x, y).lineTo(x + width, y).lineWidth(0.7).stroke();
    doc.font(BOLD).fontSize(8).text(role, x, y + 3, { width }).font(FONT).fontSize(7).text(words.nameAndDate, x, doc.y, { width });
  });
  doc.x = left;
  doc.fontSize(9);
}

function ruledLine(doc: Pdf): void {
  ensureSpace(doc, 20);
  doc.moveDown(1.1);
  doc.moveTo(doc.page.margins.left, doc.y).lineTo(doc.page.width - doc.page.margins.right, doc.y).lineWidth(0.4).stroke();
}
