// Reading the text out of a stored file, by its type: a PDF's text layer page by page, a Word document's
// paragraphs under their headings, a workbook's sheets row by row. What comes back is sections (a page, a
// worksheet, the part of a document under one heading) for chunk-text.ts to cut into passages.
// Runs inside the worker thread of read-in-worker.ts, so a hostile file costs that thread, not the process.
import * as cheerio from 'cheerio';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';

export interface TextSection {
  /** 1-based PDF page or worksheet number; null for a file without pages. */
  page: number | null;
  heading: string | null;
  text: string;
}

export type FileText =
  | { outcome: 'text'; pages: number | null; sections: TextSection[] }
  | { outcome: 'noText' }
  | { outcome: 'unsupported' };

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function readFileText(bytes: Uint8Array, contentType: string): Promise<FileText> {
  const sections = await sectionsOf(bytes, contentType);
  if (!sections) return { outcome: contentType.startsWith('image/') ? 'noText' : 'unsupported' };
  const withText = sections.sections.filter((section) => section.text.trim() !== '');
  // A PDF whose pages carry no text layer is a scan: nothing to search until someone reads it (OCR).
  if (withText.length === 0) return { outcome: 'noText' };
  return { outcome: 'text', pages: sections.pages, sections: withText };
}

async function sectionsOf(bytes: Uint8Array, contentType: string): Promise<{ pages: number | null; sections: TextSection[] } | null> {
  switch (contentType) {
    case PDF:
      return pdfSections(bytes);
    case DOCX:
      return { pages: null, sections: await wordSections(bytes) };
    case XLSX:
      return workbookSections(bytes);
    case 'text/plain':
      return { pages: null, sections: [{ page: null, heading: null, text: new TextDecoder().decode(bytes) }] };
    default:
      return null;
  }
}

async function pdfSections(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(bytes);
  const { totalPages, text } = await extractText(pdf, { mergePages: false });
  return { pages: totalPages, sections: text.map((pageText, index) => ({ page: index + 1, heading: null, text: pageText })) };
}

// Word: mammoth turns the document into plain HTML (h1..h6, p, li, table cells), whose headings open sections.
async function wordSections(bytes: Uint8Array): Promise<TextSection[]> {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const $ = cheerio.load(html);
  const sections: TextSection[] = [{ page: null, heading: null, text: '' }];
  $('h1, h2, h3, h4, h5, h6, p, li, td, th').each((_, element) => {
    const text = $(element).text().replace(/\s+/g, ' ').trim();
    if (!text) return;
    if (/^h[1-6]$/.test(element.tagName)) sections.push({ page: null, heading: text.slice(0, 200), text: '' });
    // A paragraph inside a list item or cell is read once, through its parent.
    else if (!$(element).parents('li, td, th').length || element.tagName !== 'p') sections[sections.length - 1]!.text += `${text}\n`;
  });
  return sections;
}

async function workbookSections(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sections = workbook.worksheets.map((sheet, index) => {
    const lines: string[] = [];
    sheet.eachRow((row) => {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText).filter((text) => text !== '');
      if (cells.length) lines.push(cells.join(' · '));
    });
    return { page: index + 1, heading: sheet.name.slice(0, 200), text: lines.join('\n') };
  });
  return { pages: sections.length, sections };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}
