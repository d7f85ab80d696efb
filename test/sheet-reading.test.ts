// Reading a workbook's first sheet (xlsx-sheet.mjs), the same way every time, whoever wrote the file.
// (exceljs's stream reader, used before, failed about 7 reads in 1 000 on the first workbook below and
// broke letters cut between two chunks; both stay tested.)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxSheetRows, XmlScanner, type SheetRow } from '../domain/imports/xlsx-sheet.mjs';
import { inspectWorkbook, readSheetRows } from '../domain/imports/read-workbook.js';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { aLargeWorkbook, aWorkbook } from './support/workbooks.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cmms-sheet-reading-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const rowsOf = async (file: string) => {
  const rows: SheetRow[] = [];
  for await (const chunk of xlsxSheetRows(file)) rows.push(...chunk);
  return rows;
};

describe('reading a sheet', () => {
  it('gives the same rows on every one of 600 reads: shared strings, styled dates and all', async () => {
    const file = path.join(dir, 'usuarios.xlsx');
    await writeFile(file, await aWorkbook([
      ['Correo', 'Nombre', 'Grupos', 'Alta'],
      ['tomas@planta.hn', 'Tomás', 'Technicians, Jefes', { value: new Date(Date.UTC(2021, 2, 15)), numFmt: 'dd/mm/yyyy' }],
    ]));
    const expected: SheetRow[] = [
      { number: 1, values: [undefined as never, 'Correo', 'Nombre', 'Grupos', 'Alta'] },
      { number: 2, values: [undefined as never, 'tomas@planta.hn', 'Tomás', 'Technicians, Jefes', new Date(Date.UTC(2021, 2, 15))] },
    ];
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 600; i++) {
      const outcome = await rowsOf(file).then(
        (rows) => (JSON.stringify(rows) === JSON.stringify(expected) ? 'the rows' : `other rows: ${JSON.stringify(rows)}`),
        (error: Error) => `failed: ${error.message}`,
      );
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    expect(Object.fromEntries(outcomes)).toEqual({ 'the rows': 600 });
  });

  it('keeps every accented letter, wherever the XML is cut into chunks (20 000 rows read in the reader process)', async () => {
    // exceljs decoded each chunk on its own: an "á" cut between two chunks became two broken letters
    // (3 "Válvulas" in 200 000 rows of bench:import). Bytes are now decoded across chunk edges.
    const file = path.join(dir, 'acentos.xlsx');
    const words = ['Válvulas', 'Bombas centrífugas', 'Ñandú € 5 °C', 'Compresión ≥ 3 bar'];
    await aLargeWorkbook(file, ['Código', 'Categoría'], 20_000, (i) => [`V-${i}`, words[i % words.length]!]);
    const wrong: unknown[] = [];
    let rows = 0;
    for await (const chunk of readSheetRows(file))
      for (const row of chunk) {
        if (row.number === 1) continue;
        rows++;
        if (row.values[2] !== words[(row.number - 2) % words.length]) wrong.push([row.number, row.values[2]]);
      }
    expect({ rows, wrong: wrong.slice(0, 5) }).toEqual({ rows: 20_000, wrong: [] });
  });

  it('reads every kind of cell exceljs writes as the clerk sees it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Activos');
    sheet.addRow(['Texto', 'Número', 'Fecha', 'Fórmula', 'Otro']);
    sheet.addRow(['  A & B <c> "d" \'e\' 🔧  ', 1234.5, new Date(Date.UTC(2021, 2, 15)), { formula: 'A2&"x"', result: 'A & Bx' }, true]);
    sheet.addRow(['0012', -7, new Date(Date.UTC(2022, 11, 31, 13, 45)), { formula: '1+1', result: 2 }, { error: '#N/A' }]);
    sheet.addRow([]);
    sheet.addRow([{ richText: [{ text: 'Bom' }, { font: { bold: true }, text: 'ba' }] }, 0.25, null, null, { text: 'Manual', hyperlink: 'https://planta.example/manual' }]);
    sheet.addRow([null, null, '   ', null, 'Válvula']);
    sheet.getCell('C2').numFmt = 'dd/mm/yyyy';
    sheet.getCell('C3').numFmt = 'yyyy-mm-dd hh:mm';
    sheet.getCell('B5').numFmt = '0%';
    const file = path.join(dir, 'tipos.xlsx');
    await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const rows = await rowsOf(file);
    expect(rows.map((row) => [row.number, ...row.values.slice(1)])).toEqual([
      [1, 'Texto', 'Número', 'Fecha', 'Fórmula', 'Otro'],
      [2, 'A & B <c> "d" \'e\' 🔧', 1234.5, new Date(Date.UTC(2021, 2, 15)), 'A & Bx', true],
      [3, '0012', -7, new Date(Date.UTC(2022, 11, 31, 13, 45)), 2, '#N/A'],
      // row 4 is blank: left out
      [5, 'Bomba', 0.25, null, null, 'Manual'],
      [6, null, null, null, null, 'Válvula'],
    ]);
    expect(0 in rows[0]!.values).toBe(false); // column numbers start at 1, as Excel's do
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('Datos');
    sheet.addRow(['Fecha']);
    sheet.addRow([new Date(Date.UTC(2020, 5, 1))]);
    sheet.getCell('A2').numFmt = 'dd/mm/yyyy';
    const file = path.join(dir, 'fechas-1904.xlsx');
    await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const zip = await JSZip.loadAsync(await import('node:fs/promises').then((fs) => fs.readFile(file)));
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/date1904="1"/);
    expect((await rowsOf(file))[1]!.values[1]).toEqual(new Date(Date.UTC(2020, 5, 1)));
  });

  it('reads a workbook other programs write: the first sheet listed, prefixes, inline and rich text, CDATA, odd spacing', async () => {
    const x = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><x:workbook ${x} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Activos" sheetId="2" r:id="rId7"/><x:sheet name="Notas" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`);
    zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Type="worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>');
    zip.file('xl/styles.xml', `<x:styleSheet ${x}><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></x:numFmts><x:cellStyleXfs><x:xf numFmtId="14"/></x:cellStyleXfs><x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="164"/><x:xf numFmtId="14"/><x:xf numFmtId="2"/></x:cellXfs></x:styleSheet>`);
    zip.file('xl/sharedStrings.xml', `<x:sst ${x} count="2"><x:si><x:t>Se&#241;al &#x1F527;</x:t></x:si><x:si><x:r><x:t>Comp</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">resor </x:t></x:r><x:rPh sb="0" eb="1"><x:t>コンプ</x:t></x:rPh></x:si></x:sst>`);
    zip.file('xl/worksheets/sheet1.xml', `<x:worksheet ${x}><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Notas, no importar</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`);
    zip.file('xl/worksheets/sheet2.xml', [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:worksheet ${x}><x:sheetData>`,
      // rows and cells without references; attributes in single quotes, a tab, spaces around "="
      `<x:row><x:c t='s'><x:v>0</x:v></x:c><x:c\tt="s"><x:v>1</x:v></x:c><x:c t = "inlineStr"><x:is><x:r><x:t>Bom</x:t></x:r><x:r><x:t>ba</x:t></x:r></x:is></x:c></x:row>`,
      `<x:row><x:c s="1"><x:v>44256</x:v></x:c><x:c s="2"><x:v>44256.5</x:v></x:c><x:c s="3"><x:v>3.5</x:v></x:c><!-- una nota --><x:c t="str"><x:f>A1</x:f><x:v><![CDATA[1 & 2 <3>]]></x:v></x:c></x:row>`,
      `<x:row r="7"><x:c r="B7" t="b"><x:v>1</x:v></x:c><x:c r="C7" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="D7" t="d"><x:v>2024-03-05T00:00:00Z</x:v></x:c><x:c r="E7" s="1"/><x:c r="F7"><x:v></x:v></x:c></x:row>`,
      `<x:row r="8"><x:c r="A8" s="1"/></x:row>`,
      `</x:sheetData></x:worksheet>`,
    ].join(''));
    const file = path.join(dir, 'otro-programa.xlsx');
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const rows = await rowsOf(file);
    expect(rows.map((row) => [row.number, ...row.values.slice(1)])).toEqual([
      [1, 'Señal 🔧', 'Compresor', 'Bomba'],
      [2, new Date(Date.UTC(2021, 2, 1)), new Date(Date.UTC(2021, 2, 1, 12)), 3.5, '1 & 2 <3>'],
      [7, null, true, '#DIV/0!', new Date(Date.UTC(2024, 2, 5)), null, null],
      // row 8 has only an empty styled cell: blank, left out
    ]);
    // The check before an import counts the same sheet's rows, prefixes and all (blank ones too).
    expect(await inspectWorkbook(file)).toEqual({ rowCount: 4 });
  });

  it('scans XML the same way however it is cut into chunks', () => {
    const xml = `<?xml version="1.0"?><a:root xmlns:a="u"><!-- c --><a:row r="1"><a:c r="A1" t='s'><a:v>1 &amp; 2</a:v></a:c><a:c/><a:v><![CDATA[x<y]]></a:v></a:row></a:root>`;
    const eventsOf = (pieces: string[]) => {
      const events: string[] = [];
      const scanner = new XmlScanner({
        open: (name, attributes, selfClosing) => events.push(`<${name}${attributes}${selfClosing ? '/' : ''}>`),
        close: (name) => events.push(`</${name}>`),
        text: (text) => (events.length && events.at(-1)!.startsWith('#') ? (events[events.length - 1] += text) : events.push(`#${text}`)),
      });
      for (const piece of pieces) scanner.write(piece);
      scanner.end();
      return events;
    };
    const whole = eventsOf([xml]);
    expect(whole).toEqual([
      '<root xmlns:a="u">', '<row r="1">', '<c r="A1" t=\'s\'>', '<v>', '#1 &amp; 2', '</v>', '</c>', '<c/>', '</c>', '<v>', '#x<y', '</v>', '</row>', '</root>',
    ]);
    for (let size = 1; size < 12; size++) {
      const pieces = Array.from({ length: Math.ceil(xml.length / size) }, (_, i) => xml.slice(i * size, (i + 1) * size));
      expect(eventsOf(pieces), `cut every ${size} characters`).toEqual(whole);
    }
  });

  it('refuses a damaged sheet: cut off in a tag, or naming a shared text that does not exist', async () => {
    const good = await JSZip.loadAsync(await aWorkbook([['Código', 'Nombre'], ['B-1', 'Bomba']]));
    const sheet = await good.file('xl/worksheets/sheet1.xml')!.async('string');
    const cut = path.join(dir, 'cortado.xlsx');
    await writeFile(cut, await good.file('xl/worksheets/sheet1.xml', sheet.slice(0, sheet.indexOf('<c r="B2"') + 5)).generateAsync({ type: 'nodebuffer' }));
    await expect(rowsOf(cut)).rejects.toThrow('el XML termina a mitad de una etiqueta');
    const missing = path.join(dir, 'texto-inexistente.xlsx');
    await writeFile(missing, await good.file('xl/worksheets/sheet1.xml', sheet.replace(/(<c r="B2"[^>]*t="s"[^>]*><v>)\d+/, '$199')).generateAsync({ type: 'nodebuffer' }));
    await expect(rowsOf(missing)).rejects.toThrow('nombra un texto compartido que no existe (99)');
  });
});
