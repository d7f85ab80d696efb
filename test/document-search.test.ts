// "Buscar en documentos": the text of PDFs, Word documents and workbooks read by the indexing job, found
// in Spanish and English with and without accents, singular or plural, by phrase, and only in the
// documents the person may read, over HTTP as people of the plant. Hostile files cost the reader, never
// the process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexPendingRevisions } from '../domain/documents/text/index-revisions.js';
import { RANKED_DOCUMENTS } from '../domain/documents/text/ranked-passages.js';
import { PAGE_SIZE } from '../domain/documents/text/search-documents.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import { A_PNG, uploadRevision } from './support/documents.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';
import { aDocx, aTextPdf, aTextWorkbook, anInflatingDocx } from './support/text-files.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let technician: Person;
let colleague: Person;
let pumpId: number;
let colleaguesOrderId: number;

interface Found {
  total: number;
  documents: { id: number; code: string; title: string; kindLabel: string; revision: { id: number; number: number }; passages: { page: number | null; heading: string | null; snippet: string }[] }[];
  markers: { start: string; end: string };
}

const search = async (person: Person, query: Record<string, string>) => {
  const { status, body } = await person.client.json<Found>(`/admin/documents/search?${new URLSearchParams(query)}`);
  expect(status).toBe(200);
  return body;
};
const titles = (found: Found) => found.documents.map((document) => document.title);
const highlighted = (snippet: string, markers: Found['markers']) => snippet.replaceAll(markers.start, '[').replaceAll(markers.end, ']');

async function aDocument(data: { title: string; kind?: string; language?: string; assetId?: number; workOrderId?: number }) {
  return prisma.document.create({ data: { kind: 'MANUAL', ...data } });
}
async function upload(person: Person, documentId: number, content: Buffer, fileName: string) {
  const { status, body } = await uploadRevision(person.client, documentId, content, fileName);
  expect(status, JSON.stringify(body)).toBe(201);
  return body.revision!.id;
}
const index = () => indexPendingRevisions(prisma, office.storage, { batch: 100 });

beforeAll(async () => {
  // The queue stays idle here (no jobs): each test reads the revisions itself, so it knows when they are read.
  office = await startTestBackOffice({ jobs: [] });
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  colleague = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Carlos Colega', { technician: true });
  pumpId = (await make.anAsset(prisma, { code: 'BOM-101', description: 'Bomba de condensado' })).id;
  colleaguesOrderId = (
    await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: pumpId, technicianId: colleague.technicianId!, state: 'ASSIGNED', plannedOn: new Date('2026-11-23'), description: 'Cambiar sello' } })
  ).id;

  const manual = await aDocument({ title: 'Manual de la bomba de condensado', assetId: pumpId });
  await upload(supervisor, manual.id, await aTextPdf([
    'Capítulo 1. Instalación de la bomba sobre su bancada y alineación del acople.',
    'Capítulo 2. Mantenimiento. El par de apriete de los pernos de la brida es 45 N·m. Revise las válvulas de retención cada mes.',
    'Capítulo 3. Lubricación de los rodamientos con grasa de litio cada 2000 horas de servicio.',
  ]), 'Manual bomba.pdf');
  const procedure = await aDocument({ title: 'Procedimiento de bloqueo y etiquetado', kind: 'PROCEDURE' });
  await upload(supervisor, procedure.id, await aDocx([
    { heading: 'Alcance' },
    { text: 'Aplica a todo trabajo en equipos energizados de la planta.' },
    { heading: 'Prueba de energía cero' },
    { text: 'Antes de intervenir, verifique la ausencia de tensión con un detector calibrado.' },
  ]), 'Bloqueo.docx');
  const english = await aDocument({ title: 'Compressor service manual', language: 'en' });
  await upload(supervisor, english.id, await aTextPdf(['Replace the bearings of the refrigeration compressor every 8000 running hours.']), 'Compressor.pdf');
  const workbook = await aDocument({ title: 'Lista de repuestos', kind: 'OTHER' });
  await upload(supervisor, workbook.id, await aTextWorkbook({ Bombas: [['Código', 'Repuesto'], ['R-1', 'Sello mecánico de carburo']], Compresores: [['R-9', 'Filtro deshidratador']] }), 'Repuestos.xlsx');
  // An attachment of the colleague's order: only the colleague and supervisors may read it.
  const attachment = await aDocument({ title: 'Informe de la falla del sello', kind: 'REPORT', workOrderId: colleaguesOrderId });
  await upload(colleague, attachment.id, await aTextPdf(['El sello mecánico falló por cavitación en la succión.']), 'Informe.pdf');
  expect((await index()).map((outcome) => outcome.state)).toEqual(['EXTRACTED', 'EXTRACTED', 'EXTRACTED', 'EXTRACTED', 'EXTRACTED']);
}, 300_000);
afterAll(() => office?.close());

describe('reading the text of each kind of file', () => {
  it('keeps the page of each PDF passage, the heading of each Word passage and the sheet of each workbook row', async () => {
    const chunks = await prisma.documentChunk.findMany({ orderBy: [{ revisionId: 'asc' }, { ordinal: 'asc' }], include: { revision: { include: { document: true } } } });
    const of = (title: string) => chunks.filter((chunk) => chunk.revision.document.title === title).map((chunk) => [chunk.page, chunk.heading, chunk.text]);
    expect(of('Manual de la bomba de condensado').map(([page]) => page)).toEqual([1, 2, 3]);
    expect(of('Manual de la bomba de condensado')[1]![2]).toContain('par de apriete de los pernos de la brida es 45 N·m');
    expect(of('Procedimiento de bloqueo y etiquetado')).toEqual([
      [null, 'Alcance', 'Aplica a todo trabajo en equipos energizados de la planta.'],
      [null, 'Prueba de energía cero', 'Antes de intervenir, verifique la ausencia de tensión con un detector calibrado.'],
    ]);
    expect(of('Lista de repuestos')).toEqual([
      [1, 'Bombas', 'Código · Repuesto R-1 · Sello mecánico de carburo'],
      [2, 'Compresores', 'R-9 · Filtro deshidratador'],
    ]);
    const manual = await prisma.documentRevision.findFirstOrThrow({ where: { document: { title: 'Manual de la bomba de condensado' } } });
    expect(manual).toMatchObject({ textState: 'EXTRACTED', textPages: 3, textError: null });
  });

  it('marks a photo as without text, and a corrupt, a too-slow and a bomb-like file as unreadable, while the process goes on', async () => {
    const photo = await aDocument({ title: 'Foto de la placa', kind: 'PHOTO' });
    const photoRevision = await upload(supervisor, photo.id, A_PNG, 'placa.png');
    const corrupt = await aDocument({ title: 'PDF dañado' });
    const corruptRevision = await upload(supervisor, corrupt.id, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]), 'dañado.pdf');
    expect((await index()).map((outcome) => [outcome.revisionId, outcome.state])).toEqual([[photoRevision, 'NO_TEXT'], [corruptRevision, 'FAILED']]);

    const bomb = await aDocument({ title: 'Documento inflado' });
    const bombRevision = await upload(supervisor, bomb.id, await anInflatingDocx(48), 'inflado.docx');
    // 48 MB of XML (hundreds of MB once parsed) inflated from a small file: the reader's heap limit stops it.
    expect(await indexPendingRevisions(prisma, office.storage, { limits: { memoryMb: 64, timeoutMs: 60_000 } })).toEqual([{ revisionId: bombRevision, state: 'FAILED', chunks: 0 }]);
    const slow = await aDocument({ title: 'Manual largo' });
    const slowRevision = await upload(supervisor, slow.id, await aTextPdf(Array.from({ length: 40 }, (_, i) => `Página ${i + 1} del manual.`)), 'largo.pdf');
    expect(await indexPendingRevisions(prisma, office.storage, { limits: { memoryMb: 192, timeoutMs: 5 } })).toEqual([{ revisionId: slowRevision, state: 'FAILED', chunks: 0 }]);

    const states = await prisma.documentRevision.findMany({ where: { id: { in: [photoRevision, corruptRevision, bombRevision, slowRevision] } }, orderBy: { id: 'asc' } });
    expect(states.map((revision) => [revision.textState, revision.textError])).toEqual([
      ['NO_TEXT', null],
      ['FAILED', expect.any(String)],
      ['FAILED', 'reading needed more than 64 MB'],
      ['FAILED', 'reading took longer than 0 s'],
    ]);
    // Still serving.
    expect((await search(supervisor, { q: 'bomba' })).total).toBeGreaterThan(0);
  }, 300_000);
});

describe('finding a passage', () => {
  it('in Spanish, with or without accents, singular or plural, ranked, with the page and the words marked', async () => {
    const found = await search(supervisor, { q: 'valvula retencion' });
    expect(titles(found)).toEqual(['Manual de la bomba de condensado']);
    const passage = found.documents[0]!.passages[0]!;
    expect(passage.page).toBe(2);
    expect(highlighted(passage.snippet, found.markers)).toContain('[válvulas] de [retención]');
    expect(titles(await search(supervisor, { q: 'rodamiento' }))).toEqual(['Manual de la bomba de condensado']);
    expect(titles(await search(supervisor, { q: 'energia cero' }))).toEqual(['Procedimiento de bloqueo y etiquetado']);
    expect((await search(supervisor, { q: 'energia cero' })).documents[0]!.passages[0]!.heading).toBe('Prueba de energía cero');
    expect(titles(await search(supervisor, { q: 'sello mecanico' }))).toEqual(expect.arrayContaining(['Lista de repuestos', 'Informe de la falla del sello']));
  });

  it('by phrase, excluding a word, and in English with English stems', async () => {
    expect(titles(await search(supervisor, { q: '"par de apriete"' }))).toEqual(['Manual de la bomba de condensado']);
    expect(titles(await search(supervisor, { q: '"apriete par"' }))).toEqual([]);
    expect(titles(await search(supervisor, { q: 'sello -carburo' }))).toEqual(['Informe de la falla del sello']);
    expect(titles(await search(supervisor, { q: 'bearing compressors' }))).toEqual(['Compressor service manual']);
  });

  it('filters by kind and asset, and a new revision replaces the old one\'s passages', async () => {
    expect(titles(await search(supervisor, { q: 'sello', kind: 'REPORT' }))).toEqual(['Informe de la falla del sello']);
    expect(titles(await search(supervisor, { q: 'sello', assetId: String(pumpId) }))).toEqual(['Informe de la falla del sello']);
    // Under the pump's location (the manual is the pump's; the procedure belongs to no asset), and by date.
    const pump = await prisma.asset.findUniqueOrThrow({ where: { id: pumpId }, select: { locationId: true } });
    expect(titles(await search(supervisor, { q: 'bomba OR energia', locationId: String(pump.locationId) }))).toEqual(['Manual de la bomba de condensado']);
    expect(titles(await search(supervisor, { q: 'bomba OR energia', locationId: '999999' }))).toEqual([]);
    expect(titles(await search(supervisor, { q: 'rodamientos', from: '2000-01-01' }))).toEqual(['Manual de la bomba de condensado']);
    expect(titles(await search(supervisor, { q: 'rodamientos', to: '2000-01-01' }))).toEqual([]);
    const parts = await prisma.document.findFirstOrThrow({ where: { title: 'Lista de repuestos' } });
    await upload(supervisor, parts.id, await aTextWorkbook({ Bombas: [['R-2', 'Impulsor de bronce']] }), 'Repuestos B.xlsx');
    await index();
    expect(titles(await search(supervisor, { q: 'carburo' }))).toEqual([]);
    const found = await search(supervisor, { q: 'impulsor bronce' });
    expect(found.documents.map((document) => [document.title, document.revision.number])).toEqual([['Lista de repuestos', 2]]);
  });
});

describe('who finds what', () => {
  it("a technician never sees a passage, a count or a title of another technician's attachment", async () => {
    const mine = await search(technician, { q: 'sello cavitacion' });
    expect(mine).toMatchObject({ total: 0, documents: [] });
    expect(titles(await search(colleague, { q: 'sello cavitacion' }))).toEqual(['Informe de la falla del sello']);
    expect(titles(await search(supervisor, { q: 'sello cavitacion' }))).toEqual(['Informe de la falla del sello']);
    // The plant's manual is readable to both.
    expect(titles(await search(technician, { q: 'rodamientos' }))).toEqual(['Manual de la bomba de condensado']);
  });

  it('refuses a malformed query with 400 and a stranger with 401', async () => {
    for (const query of ['kind=NOPE', 'assetId=abc', 'from=2026-13-45', 'page=0']) {
      const { status } = await supervisor.client.json(`/admin/documents/search?q=bomba&${query}`);
      expect(status, query).toBe(400);
    }
    const stranger = await fetch(`${office.url}/admin/documents/search?q=bomba`, { redirect: 'manual' });
    expect([302, 401]).toContain(stranger.status);
  });
});

describe('ranking a word found in more documents than are ranked (issue 22, bounded ranking)', () => {
  // Reports of the turbine written straight to the tables (as a bulk load would): the passages' words
  // are kept in document_chunk_search by the database itself.
  async function turbineReports(reportTitles: string[], passage: (title: string) => { heading: string | null; text: string }) {
    const made: number[] = [];
    for (const title of reportTitles) {
      const document = await aDocument({ title, kind: 'REPORT' });
      const revision = await prisma.documentRevision.create({
        data: { documentId: document.id, number: 1, fileKey: `test/${document.id}.pdf`, fileName: 'informe.pdf', contentType: 'application/pdf', size: 1000, sha256: '0'.repeat(64), uploadedById: supervisor.userId, textState: 'EXTRACTED' },
      });
      made.push(revision.id);
    }
    await prisma.documentChunk.createMany({ data: made.map((revisionId, i) => ({ revisionId, ordinal: 1, page: 1, language: 'es', ...passage(reportTitles[i]!) })) });
  }

  it('counts every one, ranks first a heading that holds the words however old, and pages through each document once', async () => {
    // The oldest: its heading names the turbine's blades (a heading weighs ten times the text).
    await turbineReports(['Inspección de álabes 0000'], () => ({ heading: 'Álabes de la turbina', text: 'Se inspeccionaron los álabes de la turbina de vapor sin hallazgos.' }));
    const many = RANKED_DOCUMENTS + 2 * PAGE_SIZE + 5;
    const reports = Array.from({ length: many }, (_, i) => `Inspección de álabes ${String(i + 1).padStart(4, '0')}`);
    await turbineReports(reports, (title) => ({ heading: null, text: `Informe ${title}: revisión general de la turbina, álabes en buen estado.` }));

    const first = await search(supervisor, { q: 'alabes turbina' });
    expect(first.total).toBe(many + 1);
    expect(first.documents[0]!.title).toBe('Inspección de álabes 0000');
    expect(first.documents[0]!.passages[0]!.heading).toBe('Álabes de la turbina');
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil((many + 1) / PAGE_SIZE); page++) {
      const found = await search(supervisor, { q: 'alabes turbina', page: String(page) });
      expect(found.total).toBe(many + 1);
      seen.push(...titles(found));
    }
    expect(seen).toHaveLength(many + 1);
    expect(new Set(seen).size).toBe(many + 1);
  }, 120_000);

  it('a passage rewritten in place is found by its new words, and a deleted one is gone (the database keeps the words)', async () => {
    await turbineReports(['Informe de la chumacera'], () => ({ heading: null, text: 'La chumacera vibra.' }));
    const chunk = await prisma.documentChunk.findFirstOrThrow({ where: { text: 'La chumacera vibra.' } });
    await prisma.documentChunk.update({ where: { id: chunk.id }, data: { text: 'El cojinete se recalienta.' } });
    expect(titles(await search(supervisor, { q: 'chumacera' }))).toEqual([]);
    expect(titles(await search(supervisor, { q: 'cojinete recalienta' }))).toEqual(['Informe de la chumacera']);
    await prisma.documentChunk.delete({ where: { id: chunk.id } });
    expect(await search(supervisor, { q: 'cojinete' })).toMatchObject({ total: 0, documents: [] });
  });
});
