// Documents and their revisions over HTTP, as people of the plant: uploads, revisions, downloads under
// the role rules, refusals of type and size, numbering.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import { aPdf, A_PNG, AN_EXE, uploadRevision } from './support/documents.js';
import * as make from './support/factories.js';
import { HttpClient } from './support/http-client.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let technician: Person;
let colleague: Person;
let operator: Person;
let myOrder: number;
let colleaguesOrder: number;
let assetId: number;
const year = new Date().getUTCFullYear();
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const filesDir = () => path.join(office.config.dataDir, 'files');

beforeAll(async () => {
  // A small limit (20 KB) so the size refusal is cheap to provoke.
  office = await startTestBackOffice({ env: { DOCUMENT_MAX_UPLOAD_MB: String(20 / 1024) } });
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  colleague = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Carlos Colega', { technician: true });
  operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Óscar Operador');
  const asset = await make.anAsset(prisma, { description: 'Bomba de condensado' });
  assetId = asset.id;
  const order = (technicianId: number) =>
    prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId, technicianId, state: 'ASSIGNED', plannedOn: new Date('2026-11-23'), description: 'Cambiar sello' } });
  myOrder = (await order(technician.technicianId!)).id;
  colleaguesOrder = (await order(colleague.technicianId!)).id;
});
afterAll(() => office?.close());

async function createDocument(client: HttpClient, fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const { status, body } = await client.json<{ record: { id: string; params: Record<string, string>; errors: object } }>('/admin/api/resources/Document/actions/new', { method: 'POST', body: form });
  expect(status).toBe(200);
  expect(body.record.errors).toEqual({});
  return { id: Number(body.record.id), code: body.record.params.code! };
}

describe('a document and its revisions', () => {
  it('a supervisor creates a document (DOC-YYYY-NNNN), uploads a PDF and then a second revision; both stay downloadable', async () => {
    const document = await createDocument(supervisor.client, { title: 'Plano de la bomba P-101', kind: 'DRAWING', asset: String(assetId) });
    expect(document.code).toMatch(new RegExp(`^DOC-${year}-\\d{4}$`));

    const first = aPdf('Revision uno');
    const second = aPdf('Revision dos, con cotas');
    const one = await uploadRevision(supervisor.client, document.id, first, 'Plano P-101.pdf');
    expect(one.status).toBe(201);
    expect(one.body.message).toBe('Revisión 1 subida.');
    const two = await uploadRevision(supervisor.client, document.id, second, 'Plano P-101 revisión B.pdf');
    expect(two.body.revision).toMatchObject({ number: 2, sha256: sha256(second), size: second.length });

    const revisions = await prisma.documentRevision.findMany({ where: { documentId: document.id }, orderBy: { number: 'asc' } });
    expect(revisions.map((r) => [r.number, r.sha256, r.size, r.contentType, r.uploadedById])).toEqual([
      [1, sha256(first), first.length, 'application/pdf', supervisor.userId],
      [2, sha256(second), second.length, 'application/pdf', supervisor.userId],
    ]);
    const month = String(new Date().getUTCMonth() + 1).padStart(2, '0');
    expect(revisions.map((r) => r.fileKey)).toEqual([`docs/${year}/${month}/${document.code}/rev-1.pdf`, `docs/${year}/${month}/${document.code}/rev-2.pdf`]);
    expect(await readFile(path.join(filesDir(), revisions[0]!.fileKey))).toEqual(first);

    expect(revisions[1]!.fileName).toBe('Plano P-101 revisión B.pdf');
    const dispositions = [
      `attachment; filename="Plano P-101.pdf"; filename*=UTF-8''Plano%20P-101.pdf`,
      `attachment; filename="Plano P-101 revision B.pdf"; filename*=UTF-8''Plano%20P-101%20revisi%C3%B3n%20B.pdf`,
    ];
    for (const [revision, content, disposition] of [[revisions[0]!, first, dispositions[0]], [revisions[1]!, second, dispositions[1]]] as const) {
      const response = await supervisor.client.request(`/admin/documents/revisions/${revision.id}/download`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(disposition);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(Buffer.from(await response.arrayBuffer())).toEqual(content);
    }
  });

  it('two uploads at the same moment become two consecutive revisions', async () => {
    const document = await prisma.document.create({ data: { title: 'Fotos de la inspección', kind: 'PHOTO' } });
    const answers = await Promise.all([1, 2, 3].map((n) => uploadRevision(supervisor.client, document.id, aPdf(`Foto ${n}`), `foto-${n}.pdf`)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(answers.map((a) => a.body.revision!.number).sort()).toEqual([1, 2, 3]);
  });

  it('the show pages of the asset and the order list their attachments for who may read them', async () => {
    const document = await createDocument(supervisor.client, { title: 'Informe de vibraciones', kind: 'REPORT', workOrder: String(myOrder) });
    await uploadRevision(supervisor.client, document.id, aPdf('Informe'), 'informe.pdf');
    const mine = await technician.client.json<{ documents: { code: string; revisions: { number: number }[] }[] }>(`/admin/documents/attachments?workOrderId=${myOrder}`);
    expect(mine.body.documents.map((d) => [d.code, d.revisions.map((r) => r.number)])).toEqual([[document.code, [1]]]);
    const theirs = await technician.client.json<{ documents: unknown[] }>(`/admin/documents/attachments?workOrderId=${colleaguesOrder}`);
    expect(theirs.body.documents).toEqual([]);
    const ofAsset = await operator.client.json<{ documents: { title: string }[] }>(`/admin/documents/attachments?assetId=${assetId}`);
    expect(ofAsset.body.documents.map((d) => d.title)).toEqual(['Plano de la bomba P-101']);
    // "Adjuntar" is offered on a record to who may attach to that record: not to a read-only consultant,
    // nor to a technician on an asset (he attaches to his orders only; it used to be offered and then refused).
    const consultant = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carla Consultora');
    const offered = async (person: Person, query = `assetId=${assetId}`) => (await person.client.json<{ mayAttach: boolean }>(`/admin/documents/attachments?${query}`)).body.mayAttach;
    expect([await offered(supervisor), await offered(technician), await offered(consultant)]).toEqual([true, false, false]);
    expect(await offered(technician, `workOrderId=${myOrder}`)).toBe(true);
    expect(await offered(technician, `workOrderId=${colleaguesOrder}`)).toBe(false);
  });

  it('every write is in the change history, with its author', async () => {
    const entries = await prisma.changeHistory.findMany({ where: { tableName: 'document_revisions', action: 'INSERT' } });
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries[0]!.actorLabel).toBe(`user:${supervisor.email}`);
  });
});

describe('downloads go through the role rules of the record a document belongs to', () => {
  let mineRevision: number;
  let colleaguesRevision: number;

  beforeAll(async () => {
    const attach = async (workOrderId: number, title: string) => {
      const document = await prisma.document.create({ data: { title, kind: 'PHOTO', workOrderId } });
      const response = await uploadRevision(supervisor.client, document.id, A_PNG, 'foto.png');
      return response.body.revision!.id;
    };
    mineRevision = await attach(myOrder, 'Foto del sello');
    colleaguesRevision = await attach(colleaguesOrder, 'Foto del tablero');
  });

  it("a technician downloads his order's attachment, never another technician's", async () => {
    const mine = await technician.client.request(`/admin/documents/revisions/${mineRevision}/download`);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await mine.arrayBuffer())).toEqual(A_PNG);
    const theirs = await technician.client.request(`/admin/documents/revisions/${colleaguesRevision}/download`);
    expect(theirs.status).toBe(404);
    expect(await theirs.json()).toEqual({ error: 'notFound', message: 'El documento no existe o no tiene acceso a él.' });
  });

  it('an operator reads documents of assets but not those of work orders, which he does not see', async () => {
    const revision = await prisma.documentRevision.findFirstOrThrow({ where: { document: { assetId } } });
    expect((await operator.client.request(`/admin/documents/revisions/${revision.id}/download`)).status).toBe(200);
    expect((await operator.client.request(`/admin/documents/revisions/${mineRevision}/download`)).status).toBe(404);
  });

  it('nobody signed out downloads anything', async () => {
    const stranger = new HttpClient(office.url);
    const response = await stranger.request(`/admin/documents/revisions/${mineRevision}/download`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/admin/login');
  });

  it('a technician attaches a new document to his own order, not to another technician’s', async () => {
    const attach = (workOrderId: number) => {
      const form = new FormData();
      form.set('title', 'Foto de la placa');
      form.set('kind', 'PHOTO');
      form.set('workOrder', String(workOrderId));
      return technician.client.json<{ record: { params: { code?: string } } }>('/admin/api/resources/Document/actions/new', { method: 'POST', body: form });
    };
    const mine = await attach(myOrder);
    expect(mine.status).toBe(200);
    expect(mine.body.record.params.code).toMatch(/^DOC-/);
    expect((await attach(colleaguesOrder)).status).toBe(403);
    expect(await prisma.document.count({ where: { title: 'Foto de la placa' } })).toBe(1);
  });

  it('an order a supervisor shares with him takes his attachments too, for as long as it is shared', async () => {
    const share = await prisma.workOrderShare.create({ data: { workOrderId: colleaguesOrder, technicianId: technician.technicianId! } });
    const form = new FormData();
    form.set('title', 'Foto del sello compartido');
    form.set('kind', 'PHOTO');
    form.set('workOrder', String(colleaguesOrder));
    const attached = await technician.client.json<{ record: { params: { code?: string } } }>('/admin/api/resources/Document/actions/new', { method: 'POST', body: form });
    expect(attached.status).toBe(200);
    expect(attached.body.record.params.code).toMatch(/^DOC-/);
    await prisma.workOrderShare.delete({ where: { id: share.id } });
    form.set('title', 'Otra foto, ya sin compartir');
    expect((await technician.client.request('/admin/api/resources/Document/actions/new', { method: 'POST', body: form })).status).toBe(403);
    expect(await prisma.document.count({ where: { workOrderId: colleaguesOrder, title: { startsWith: 'Otra foto' } } })).toBe(0);
  });

  it('a technician uploads to his own order, not to another technician’s', async () => {
    const mine = await prisma.document.findFirstOrThrow({ where: { workOrderId: myOrder, title: 'Foto del sello' } });
    const theirs = await prisma.document.findFirstOrThrow({ where: { workOrderId: colleaguesOrder } });
    expect((await uploadRevision(technician.client, mine.id, aPdf('Acta'), 'acta.pdf')).status).toBe(201);
    expect((await uploadRevision(technician.client, theirs.id, aPdf('Acta'), 'acta.pdf')).status).toBe(404);
    expect(await prisma.documentRevision.count({ where: { documentId: theirs.id } })).toBe(1);
  });
});

describe('uploads refused, nothing written', () => {
  let documentId: number;
  let before: { revisions: number; files: string[] };
  const storedFiles = async () => (await readdir(filesDir(), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);

  beforeAll(async () => {
    documentId = (await prisma.document.create({ data: { title: 'Certificado de la válvula', kind: 'CERTIFICATE' } })).id;
    before = { revisions: await prisma.documentRevision.count(), files: await storedFiles() };
  });

  it('a program renamed .pdf is refused by its bytes, with a clear message', async () => {
    const { status, body } = await uploadRevision(supervisor.client, documentId, AN_EXE, 'certificado.pdf');
    expect(status).toBe(422);
    expect(body).toEqual({
      error: 'fileTypeNotAllowed',
      message: 'El archivo «certificado.pdf» no es de un tipo permitido (según su contenido). Tipos permitidos: PDF, PNG, JPEG, Word (.docx), Excel (.xlsx).',
    });
  });

  it('a PNG named .pdf is refused: the extension must say what the bytes are', async () => {
    const { status, body } = await uploadRevision(supervisor.client, documentId, A_PNG, 'certificado.pdf');
    expect(status).toBe(422);
    expect(body.message).toBe('El contenido de «certificado.pdf» es PNG, pero su extensión dice otra cosa. Corrija la extensión.');
  });

  it('a file over the size limit is refused as too large', async () => {
    const big = Buffer.concat([aPdf('Grande'), Buffer.alloc(25 * 1024, 0x20)]);
    const { status, body } = await uploadRevision(supervisor.client, documentId, big, 'grande.pdf');
    expect(status).toBe(413);
    expect(body).toEqual({ error: 'fileTooLarge', message: 'El archivo «grande.pdf» supera el tamaño máximo de 20 KB.' });
    // One far larger is refused from its declared length, before it is read.
    const huge = await uploadRevision(supervisor.client, documentId, Buffer.alloc(200 * 1024, 0x25), 'enorme.pdf');
    expect(huge).toEqual({ status: 413, body: { error: 'requestTooLarge', message: 'El archivo supera el tamaño máximo de 20 KB.' } });
  });

  it('a request without a file, or without the CSRF token, is refused', async () => {
    const empty = await supervisor.client.json<{ error: string; message: string }>(`/admin/documents/${documentId}/revisions`, { method: 'POST', body: new FormData() });
    expect(empty).toEqual({ status: 422, body: { error: 'fileMissing', message: 'Elija un archivo para subir.' } });
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(aPdf())]), 'a.pdf');
    const forged = await supervisor.client.request(`/admin/documents/${documentId}/revisions`, { method: 'POST', body: form, csrf: false });
    expect(forged.status).toBe(403);
  });

  it('none of these left a revision or a stored file behind', async () => {
    expect(await prisma.documentRevision.count()).toBe(before.revisions);
    expect((await storedFiles()).sort()).toEqual([...before.files].sort());
  });
});

describe('numbering DOC-YYYY-NNNN', () => {
  it('is gap-free and unique when many documents are created at once, and a rollback gives its number back', async () => {
    const last = async () => (await prisma.$queryRaw<{ last_number: number }[]>`SELECT last_number FROM document_counters WHERE year = ${year}`)[0]!.last_number;
    const start = await last();
    await prisma.$transaction(async (tx) => {
      await tx.document.create({ data: { title: 'Se deshace', kind: 'OTHER' } });
      throw new Error('rollback');
    }).catch(() => undefined);
    const created = await Promise.all(Array.from({ length: 12 }, (_, i) => prisma.document.create({ data: { title: `Lote ${i}`, kind: 'OTHER' } })));
    const numbers = created.map((d) => Number(d.code.slice(9))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => start + 1 + i));
    expect(created.every((d) => d.code.startsWith(`DOC-${year}-`))).toBe(true);
  });
});

describe('numbers grow past their padding (lpad would cut them back to a number already given)', () => {
  it('the 10 000th document of a year is DOC-YYYY-10000, and tickets, requisitions and permits grow the same way', async () => {
    await prisma.$executeRaw`INSERT INTO document_counters (year, last_number) VALUES (2031, 9998)`;
    const created = [];
    for (const title of ['Nueve mil', 'Diez mil', 'Diez mil uno']) created.push(await prisma.document.create({ data: { title, kind: 'OTHER', createdAt: new Date('2031-06-01T12:00:00Z') } }));
    expect(created.map((document) => document.code)).toEqual(['DOC-2031-9999', 'DOC-2031-10000', 'DOC-2031-10001']);
    await prisma.$executeRaw`INSERT INTO transmittal_counters (year, last_number) VALUES (2031, 9999)`;
    const transmittal = await prisma.transmittal.create({ data: { subject: 'Diez mil', senderId: supervisor.userId, createdAt: new Date('2031-06-01T12:00:00Z') } });
    expect(transmittal.number).toBe('TRM-2031-10000');
    // This file's database makes no requisition, permit or ticket: their sequences may jump.
    await prisma.$queryRaw`SELECT setval('requisition_numbers', 999999), setval('work_permit_numbers', 99999)`;
    const [numbers] = await prisma.$queryRaw<{ requisition: string; permit: string }[]>`SELECT cmms_next_requisition_number() AS requisition, cmms_next_work_permit_number() AS permit`;
    expect(numbers!.requisition).toMatch(/^REQ-\d{4}-1000000$/);
    expect(numbers!.permit).toMatch(/^PT-\d{4}-100000$/);
    const [ticket] = await prisma.$queryRaw<{ number: string }[]>`
      INSERT INTO tickets (id, description, requester) VALUES (1000000, 'Ticket un millón', 'Prueba') RETURNING number`;
    expect(ticket!.number).toBe('TCK-1000000');
  });
});

describe('the states of a document: draft → in review → approved → obsolete', () => {
  it('is submitted for review, goes back to draft with a new revision, and once obsolete takes no revision', async () => {
    const document = await prisma.document.create({ data: { title: 'Manual del compresor', kind: 'MANUAL' } });
    const move = (person: Person, action: string) => person.client.json<{ notice?: { message: string } }>(`/admin/api/resources/Document/records/${document.id}/${action}`, { method: 'POST' });
    const state = async () => (await prisma.document.findUniqueOrThrow({ where: { id: document.id } })).state;

    // A draft with nothing in it is not sent for review.
    expect((await move(supervisor, 'submitForReview')).body.notice?.message).toBe('documentMoveRefused_submitForReview');
    expect(await state()).toBe('DRAFT');

    await uploadRevision(supervisor.client, document.id, aPdf('Manual'), 'manual.pdf');
    expect((await move(operator, 'submitForReview')).status).toBe(403);
    expect((await move(supervisor, 'submitForReview')).body.notice?.message).toBe('documentMoved_submitForReview');
    expect(await state()).toBe('IN_REVIEW');

    // New content has not been reviewed: back to draft.
    await uploadRevision(supervisor.client, document.id, aPdf('Manual v2'), 'manual-v2.pdf');
    expect(await state()).toBe('DRAFT');

    expect((await move(supervisor, 'markObsolete')).body.notice?.message).toBe('documentMoved_markObsolete');
    expect(await state()).toBe('OBSOLETE');
    const refused = await uploadRevision(supervisor.client, document.id, aPdf('Manual v3'), 'manual-v3.pdf');
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe(`El documento ${document.code} está obsoleto: no admite revisiones ni firmas.`);
    expect(await prisma.documentRevision.count({ where: { documentId: document.id } })).toBe(2);
  });

  it('its state and code are not typed into the edit form', async () => {
    const document = await prisma.document.create({ data: { title: 'Hoja de seguridad', kind: 'OTHER' } });
    const form = new FormData();
    form.set('state', 'APPROVED');
    const { body } = await supervisor.client.json<{ record: { errors: Record<string, { message: string }> } }>(`/admin/api/resources/Document/records/${document.id}/edit`, { method: 'POST', body: form });
    expect(body.record.errors.state?.message).toMatch(/^Lo fijan el flujo del documento/);
    expect((await prisma.document.findUniqueOrThrow({ where: { id: document.id } })).state).toBe('DRAFT');
  });
});
