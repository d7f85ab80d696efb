// The first worksheet of an .xlsx, row by row, read straight from its XML: what an import needs of a
// workbook and nothing more (the cell values as the clerk sees them; no styles, fonts or layout).
// Why not exceljs's WorkbookReader, which the imports used before: it builds its whole cell model for
// every cell (a style object, a Row with its cells) and took 2.0 s of a 3.7 s 50 000-row import on
// this machine, with ~100 MB of heap; saxes alone (its XML parser) needs 0.48 s for that sheet's 23 MB.
// A sheet's XML is a small, machine-written vocabulary (row, c, v, f, is, t), so a scanner that finds
// the tags with indexOf reads the same sheet in ~0.05 s; exceljs still writes every workbook we make,
// and test/sheet-reading.test.ts reads workbooks both ways and compares.
// Plain JavaScript (types in xlsx-sheet.d.mts): it runs in the sheet reader process without tsx.
import yauzl from 'yauzl';

/** @typedef {import('./xlsx-sheet.mjs').CellValue} CellValue */
/** @typedef {import('./xlsx-sheet.mjs').SheetRow} SheetRow */

/** Rows per chunk handed over (the reader process groups them into its messages). */
const ROWS_PER_CHUNK = 500;
/** Excel's own limit for a cell's text: anything longer is a damaged or hostile file. */
const MAX_CELL_CHARS = 32_767;

/** Built-in number formats that show a date or a time (ECMA-376 part 1, 18.8.30; East Asian ones too). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom number format that shows a date or time: a date letter outside quotes and brackets
 * (the rule exceljs applies, so a workbook reads as it did). */
export function isDateFormat(code) {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** An Excel serial day as a date (1900 system, or 1904 when the workbook says so). */
export function excelSerialToDate(serial, date1904) {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text with its entities decoded. */
export function decodeXml(text) {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, name) =>
    name[0] !== '#' ? NAMED[name] : String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)),
  );
}

const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes written the plain way: one space before each, none around "=" (as every writer does). */
const UNUSUAL_SPACING = /[\t\n\r]| =|= /;

/** The attributes of a start tag, or null when they are written the plain way: then attributeOf()
 * finds each without building them all (half a million cells in a 50 000-row sheet). */
function unusualAttributes(text) {
  return UNUSUAL_SPACING.test(text) ? attributesOf(text) : null;
}

/** One attribute of a plainly written start tag; undefined when absent. */
function attributeOf(text, name) {
  const key = ` ${name}=`;
  let at = text.indexOf(key);
  if (at === -1) return undefined;
  at += key.length;
  const quote = text[at];
  const end = text.indexOf(quote, at + 1);
  return end === -1 ? undefined : decodeXml(text.slice(at + 1, end));
}

/** The attributes of a start tag's text (after its name), prefixes dropped ("r:id" stays whole). */
function attributesOf(text) {
  /** @type {Record<string, string>} */
  const attributes = {};
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(text); match; match = ATTRIBUTE.exec(text)) attributes[match[1]] = decodeXml(match[2] ?? match[3] ?? '');
  return attributes;
}

/**
 * A streaming scanner of well-formed XML: start tags (name without its namespace prefix, attribute
 * text, self-closing or not), end tags and text, in order. Comments, processing instructions and the
 * doctype are skipped, CDATA is text. A tag cut between two chunks waits for the next one.
 */
export class XmlScanner {
  /** @param {{ open(name: string, attributes: string, selfClosing: boolean): void; close(name: string): void; text(text: string): void }} handler */
  constructor(handler) {
    this.handler = handler;
    this.rest = '';
  }

  /** @param {string} chunk */
  write(chunk) {
    const xml = this.rest + chunk;
    const { handler } = this;
    let at = 0;
    let lt = xml.indexOf('<');
    for (; lt !== -1; lt = xml.indexOf('<', at)) {
      if (lt > at) handler.text(xml.slice(at, lt));
      at = lt;
      const next = xml.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        if (xml.startsWith('<![CDATA[', lt)) {
          const end = xml.indexOf(']]>', lt);
          if (end === -1) break;
          handler.text(xml.slice(lt + 9, end).replace(/&/g, '&amp;')); // literal: kept from being decoded
          at = end + 3;
        } else {
          const closer = xml.startsWith('<!--', lt) ? '-->' : '>';
          const end = xml.indexOf(closer, lt);
          if (end === -1) break;
          at = end + closer.length;
        }
        continue;
      }
      if (next === 63 /* ? */) {
        const end = xml.indexOf('?>', lt);
        if (end === -1) break;
        at = end + 2;
        continue;
      }
      const end = xml.indexOf('>', lt);
      if (end === -1) break;
      if (next === 47 /* / */) handler.close(localName(xml.slice(lt + 2, nameEnd(xml, lt + 2, end))));
      else {
        const selfClosing = xml.charCodeAt(end - 1) === 47;
        const attributesStart = nameEnd(xml, lt + 1, end);
        const name = localName(xml.slice(lt + 1, attributesStart));
        const attributesEnd = selfClosing ? end - 1 : end;
        handler.open(name, attributesEnd > attributesStart ? xml.slice(attributesStart, attributesEnd) : '', selfClosing);
        if (selfClosing) handler.close(name);
      }
      at = end + 1;
    }
    if (lt === -1) {
      // Text that may go on in the next chunk: handed over now, but never an entity cut in two.
      const amp = xml.lastIndexOf('&');
      const cut = amp >= at && xml.indexOf(';', amp) === -1 ? amp : xml.length;
      if (cut > at) handler.text(xml.slice(at, cut));
      at = cut;
    }
    this.rest = xml.slice(at);
  }

  /** The end of the document: anything left over is a cut-off tag. */
  end() {
    if (this.rest.trim()) throw new Error('el XML termina a mitad de una etiqueta');
  }
}

/** Where the tag name that starts at `from` ends: at a space, "/" or ">" (before `end`). */
function nameEnd(xml, from, end) {
  let to = from;
  for (; to < end; to++) {
    const code = xml.charCodeAt(to);
    if (code === 32 || code === 47 || code === 62 || code === 9 || code === 10 || code === 13) break;
  }
  return to;
}

/** A name without its namespace prefix ("x:row" → "row"). */
function localName(qualified) {
  const colon = qualified.indexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

/**
 * A zip's directory, each part's content streamed inflated on demand (yauzl: a small, well-kept reader;
 * unzipper, used before, cost 16 MB of every process that loaded it). Close it when done.
 * @param {string} filePath
 */
export function openZip(filePath) {
  return new Promise((resolve, reject) => {
    yauzl.open(filePath, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error) return reject(error);
      /** @type {Map<string, import('yauzl').Entry>} */
      const entries = new Map();
      zip.on('entry', (entry) => {
        entries.set(entry.fileName.replace(/^\//, ''), entry);
        zip.readEntry();
      });
      zip.once('end', () =>
        resolve({
          names: () => [...entries.keys()],
          has: (name) => entries.has(name),
          /** @returns {Promise<import('node:stream').Readable>} */
          stream: (name) =>
            new Promise((done, fail) => zip.openReadStream(entries.get(name), (streamError, stream) => (streamError ? fail(streamError) : done(stream)))),
          close: () => zip.close(),
        }),
      );
      zip.once('error', reject);
      zip.readEntry();
    });
  });
}

/** Feeds a part of the zip through a scanner; bytes are decoded as UTF-8 across chunk edges. */
async function scanEntry(zip, name, handler) {
  if (!zip.has(name)) return;
  const scanner = new XmlScanner(handler);
  const utf8 = new TextDecoder('utf-8');
  for await (const chunk of await zip.stream(name)) scanner.write(utf8.decode(chunk, { stream: true }));
  scanner.write(utf8.decode());
  scanner.end();
}

/** The text of an <si> or <is>: its <t>, or its runs' <t> joined; phonetic guides (<rPh>) left out. */
class RichTextCollector {
  constructor() {
    this.parts = null;
    this.inPhonetic = false;
    this.inText = false;
  }
  start() {
    this.parts = [];
  }
  open(name) {
    if (name === 'rPh') this.inPhonetic = true;
    else if (name === 't' && !this.inPhonetic) this.inText = true;
  }
  close(name) {
    if (name === 'rPh') this.inPhonetic = false;
    else if (name === 't') this.inText = false;
  }
  text(text) {
    if (this.inText && this.parts) this.parts.push(text);
  }
  finish() {
    const text = this.parts ? decodeXml(this.parts.join('')) : '';
    this.parts = null;
    if (text.length > MAX_CELL_CHARS) throw new Error(`una celda tiene ${text.length} caracteres; Excel admite ${MAX_CELL_CHARS}`);
    return text;
  }
}

/** The shared strings table (xl/sharedStrings.xml), in order. */
async function readSharedStrings(zip) {
  /** @type {string[]} */
  const strings = [];
  const item = new RichTextCollector();
  await scanEntry(zip, 'xl/sharedStrings.xml', {
    open(name) {
      if (name === 'si') item.start();
      else item.open(name);
    },
    close(name) {
      if (name === 'si') strings.push(item.finish());
      else item.close(name);
    },
    text: (text) => item.text(text),
  });
  return strings;
}

/** Which cell styles (xl/styles.xml, cellXfs by position) show a date. */
async function readDateStyles(zip) {
  /** @type {Set<number>} */
  const dateStyles = new Set();
  /** @type {Map<number, string>} */
  const customFormats = new Map();
  let inCellXfs = false;
  let index = 0;
  await scanEntry(zip, 'xl/styles.xml', {
    open(name, text) {
      if (name === 'numFmt') {
        const { numFmtId, formatCode } = attributesOf(text);
        customFormats.set(Number(numFmtId), formatCode ?? '');
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const formatId = Number(attributesOf(text).numFmtId ?? 0);
        const custom = customFormats.get(formatId);
        if (custom !== undefined ? isDateFormat(custom) : BUILT_IN_DATE_FORMATS.has(formatId)) dateStyles.add(index);
        index++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return dateStyles;
}

/** The first sheet's part (as the workbook lists its sheets) and whether dates count from 1904. */
export async function readWorkbookPart(zip) {
  let date1904 = false;
  let firstSheetRelation = null;
  await scanEntry(zip, 'xl/workbook.xml', {
    open(name, text) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributesOf(text).date1904 ?? '');
      else if (name === 'sheet' && firstSheetRelation === null) {
        const relation = Object.entries(attributesOf(text)).find(([attribute]) => attribute === 'r:id' || attribute.endsWith(':id'));
        firstSheetRelation = relation?.[1] ?? '';
      }
    },
    close() {},
    text() {},
  });
  let sheetPath = null;
  if (firstSheetRelation) {
    await scanEntry(zip, 'xl/_rels/workbook.xml.rels', {
      open(name, text) {
        if (name !== 'Relationship') return;
        const { Id, Target } = attributesOf(text);
        if (Id === firstSheetRelation && Target) sheetPath = Target.startsWith('/') ? Target.slice(1) : `xl/${Target.replace(/^\.\//, '')}`;
      },
      close() {},
      text() {},
    });
  }
  if (!sheetPath || !zip.has(sheetPath)) {
    // No usable listing: the lowest-numbered sheet part.
    const sheets = zip.names().filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    sheets.sort((a, b) => Number(/\d+/.exec(a.slice(14))) - Number(/\d+/.exec(b.slice(14))));
    sheetPath = sheets[0] ?? null;
  }
  return { sheetPath, date1904 };
}

/** A column's number from a cell reference ("C12" → 3). */
function columnOf(reference) {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65) break; // the row's digits
    column = column * 26 + ((code > 90 ? code - 32 : code) - 64);
  }
  return column;
}

/** A cell's text as the import takes it: trimmed, and an empty one is no value. */
function plainText(text) {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * The first worksheet's rows, in chunks of a few hundred; blank rows are left out, and counted in what
 * it returns: the sheet's row elements, as inspectWorkbook counts them. Values are what
 * the clerk sees: text (shared, inline or a formula's), numbers, booleans, dates (a number in a date
 * format), an error's code ("#N/A"); a formula gives its last computed value.
 * @param {string} filePath
 * @returns {AsyncGenerator<SheetRow[]>}
 */
export async function* xlsxSheetRows(filePath) {
  const zip = await openZip(filePath);
  try {
    return yield* sheetRows(zip);
  } finally {
    zip.close();
  }
}

/** @returns {AsyncGenerator<SheetRow[], number>} */
async function* sheetRows(zip) {
  const { sheetPath, date1904 } = await readWorkbookPart(zip);
  if (!sheetPath) throw new Error('el libro no tiene hojas');
  const sharedStrings = await readSharedStrings(zip);
  const dateStyles = await readDateStyles(zip);

  /** @type {SheetRow[]} */
  let ready = [];
  let rowNumber = 0;
  let rowElements = 0;
  /** @type {CellValue[] | null} */
  let values = null;
  let blank = true;
  // The cell being read.
  let column = 0;
  let type = '';
  let dateStyle = false;
  let inValue = false;
  let valueText = '';
  let hasValue = false;
  const inline = new RichTextCollector();
  let inInline = false;

  const cellValue = () => {
    if (inInline) return plainText(inline.finish());
    if (!hasValue) return null;
    const raw = valueText;
    if (raw === '') return null;
    switch (type) {
      case 's': {
        const text = sharedStrings[Number(raw)];
        if (text === undefined) throw new Error(`la celda ${rowNumber}:${column} nombra un texto compartido que no existe (${raw})`);
        return plainText(text);
      }
      case 'str':
      case 'inlineStr': {
        const text = decodeXml(raw);
        if (text.length > MAX_CELL_CHARS) throw new Error(`una celda tiene ${text.length} caracteres; Excel admite ${MAX_CELL_CHARS}`);
        return plainText(text);
      }
      case 'b':
        return raw.trim() !== '0' && raw.trim() !== '';
      case 'e':
        return plainText(decodeXml(raw));
      case 'd': {
        const date = new Date(raw.trim());
        return Number.isNaN(date.getTime()) ? plainText(raw) : date;
      }
      default: {
        if (raw.trim() === '') return null;
        const number = Number(raw);
        if (Number.isNaN(number)) return plainText(decodeXml(raw));
        return dateStyle ? excelSerialToDate(number, date1904) : number;
      }
    }
  };

  const handler = {
    open(name, text) {
      switch (name) {
        case 'row': {
          const r = unusualAttributes(text)?.r ?? attributeOf(text, 'r');
          rowNumber = r ? Number(r) : rowNumber + 1;
          rowElements++;
          values = [];
          blank = true;
          column = 0;
          break;
        }
        case 'c': {
          if (!values) break;
          const unusual = unusualAttributes(text);
          const reference = unusual ? unusual.r : attributeOf(text, 'r');
          column = reference ? columnOf(reference) : column + 1;
          type = (unusual ? unusual.t : attributeOf(text, 't')) ?? 'n';
          const style = !dateStyles.size ? undefined : unusual ? unusual.s : attributeOf(text, 's');
          dateStyle = style !== undefined && dateStyles.has(Number(style));
          hasValue = false;
          valueText = '';
          inInline = false;
          break;
        }
        case 'v':
          if (values) {
            inValue = true;
            hasValue = true;
          }
          break;
        case 'is':
          if (values) {
            inInline = true;
            inline.start();
          }
          break;
        default:
          if (inInline) inline.open(name);
      }
    },
    close(name) {
      switch (name) {
        case 'v':
          inValue = false;
          break;
        case 'c': {
          if (!values) break;
          const value = cellValue();
          inInline = false;
          for (let i = values.length; i < column; i++) values[i] = null;
          values[column] = value;
          if (value !== null) blank = false;
          break;
        }
        case 'row':
          if (values && !blank) {
            delete values[0]; // column numbers start at 1, as Excel's do
            ready.push({ number: rowNumber, values });
          }
          values = null;
          break;
        case 'is':
          break;
        default:
          if (inInline) inline.close(name);
      }
    },
    text(text) {
      if (inValue) valueText += text;
      else if (inInline) inline.text(text);
    },
  };

  const scanner = new XmlScanner(handler);
  const utf8 = new TextDecoder('utf-8');
  for await (const chunk of await zip.stream(sheetPath)) {
    scanner.write(utf8.decode(chunk, { stream: true }));
    if (ready.length >= ROWS_PER_CHUNK) {
      yield ready;
      ready = [];
    }
  }
  scanner.write(utf8.decode());
  scanner.end();
  if (ready.length) yield ready;
  return rowElements;
}
