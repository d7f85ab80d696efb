// An operator files a work request (aviso) as the plant needs it: he is the reporter, the workflow owns
// the state, the asset is found by words of its name, a photo is attached in one step; and people
// pickers offer names to every group, without the rest of a user's account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import { A_PNG, AN_EXE } from './support/documents.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let operator: Person;
let supervisor: Person;

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Olga Operadora');
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Saúl Supervisor');
});
afterAll(() => office?.close());

type RecordJson = { id: string; title: string; params: Record<string, unknown>; errors: Record<string, { message: string }> };

function form(fields: Record<string, unknown>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}

describe('an operator files a work request', () => {
  it('finds the asset by two words of its name, in any order, without accents', async () => {
    const compressor = await make.anAsset(prisma, { code: 'CMP-014', description: 'Compresor de refrigeración Nº 2' });
    await make.anAsset(prisma, { code: 'CMP-015', description: 'Compresor de aire' });
    const found = await operator.client.json<{ records: RecordJson[] }>(`/admin/api/resources/Asset/search/${encodeURIComponent('refrig compresor')}`);
    expect(found.status).toBe(200);
    expect(found.body.records.map((r) => String(r.id))).toEqual([String(compressor.id)]);
    // The option names the asset by code and description, not by its code alone.
    expect(found.body.records[0]!.title).toBe('CMP-014 · Compresor de refrigeración Nº 2');
    const byCode = await operator.client.json<{ records: RecordJson[] }>(`/admin/api/resources/Asset/search/cmp-014`);
    expect(byCode.body.records.map((r) => String(r.id))).toEqual([String(compressor.id)]);
  });

  it('is its reporter, and can neither name another one nor choose the state', async () => {
    const asset = await make.anAsset(prisma, { description: 'Bomba de condensado' });
    const filed = await operator.client.json<{ record: RecordJson }>(`/admin/api/resources/WorkRequest/actions/new`, {
      method: 'POST',
      body: form({ asset: asset.id, description: 'Fuga de agua en el sello', priority: 'HIGH' }),
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body.record.errors).toEqual({});
    const stored = await prisma.workRequest.findUniqueOrThrow({ where: { id: Number(filed.body.record.id) } });
    expect(stored).toMatchObject({ reportedById: operator.userId, state: 'OPEN', source: 'PERSON', priority: 'HIGH' });

    // The form has no reporter: one sent anyway is refused next to the field, nothing is written.
    const someoneElse = await make.aUser(prisma);
    const impersonated = await operator.client.json<{ record: RecordJson }>(`/admin/api/resources/WorkRequest/actions/new`, {
      method: 'POST',
      body: form({ asset: asset.id, description: 'En nombre de otro', reportedBy: someoneElse.id }),
    });
    expect(impersonated.body.record.errors.reportedBy).toBeDefined();
    expect(await prisma.workRequest.count({ where: { description: 'En nombre de otro' } })).toBe(0);

    const converted = await operator.client.json<{ record: RecordJson }>(`/admin/api/resources/WorkRequest/actions/new`, {
      method: 'POST',
      body: form({ asset: asset.id, description: 'Otro', state: 'CONVERTED' }),
    });
    expect(converted.body.record.errors.state?.message).toMatch(/^Lo fija el flujo/);
    expect(await prisma.workRequest.count({ where: { description: 'Otro' } })).toBe(0);
  });

  it('attaches a photo from the request\'s page in one step', async () => {
    const request = await prisma.workRequest.create({ data: { reportedById: operator.userId, assetId: (await make.anAsset(prisma)).id, description: 'Ruido en motor' } });
    const upload = new FormData();
    upload.set('file', new Blob([new Uint8Array(A_PNG)]), 'fuga.png');
    const attached = await operator.client.json<{ document: { id: number; code: string; title: string }; message: string }>(
      `/admin/documents/attachments?workRequestId=${request.id}&title=${encodeURIComponent('Foto de la fuga')}`,
      { method: 'POST', body: upload },
    );
    expect(attached.status, JSON.stringify(attached.body)).toBe(201);
    expect(attached.body.message).toBe(`Archivo adjuntado como ${attached.body.document.code}.`);
    const document = await prisma.document.findUniqueOrThrow({ where: { id: attached.body.document.id }, include: { revisions: true } });
    expect(document).toMatchObject({ title: 'Foto de la fuga', kind: 'PHOTO', workRequestId: request.id, workOrderId: null });
    expect(document.revisions.map((r) => [r.number, r.fileName, r.uploadedById])).toEqual([[1, 'fuga.png', operator.userId]]);
    const listed = await operator.client.json<{ documents: { code: string }[]; mayAttach: boolean }>(`/admin/documents/attachments?workRequestId=${request.id}`);
    expect(listed.body).toMatchObject({ documents: [{ code: document.code }], mayAttach: true });
  });

  it('a refused file leaves no empty document, and a hidden record is not attached to', async () => {
    const request = await prisma.workRequest.create({ data: { reportedById: operator.userId, assetId: (await make.anAsset(prisma)).id, description: 'Vibración' } });
    const before = await prisma.document.count();
    const program = new FormData();
    program.set('file', new Blob([new Uint8Array(AN_EXE)]), 'foto.png');
    const refused = await operator.client.json<{ error: string }>(`/admin/documents/attachments?workRequestId=${request.id}`, { method: 'POST', body: program });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('fileTypeNotAllowed');
    const order = await make.aWorkOrder(prisma);
    const photo = new FormData();
    photo.set('file', new Blob([new Uint8Array(A_PNG)]), 'foto.png');
    const hidden = await operator.client.json(`/admin/documents/attachments?workOrderId=${order.id}`, { method: 'POST', body: photo });
    expect(hidden.status).toBe(404);
    expect(await prisma.document.count()).toBe(before);
  });
});

describe('people pickers', () => {
  it('offer active users by name and e-mail to a supervisor, who cannot read the users themselves', async () => {
    await prisma.user.create({ data: { email: 'ramon.electricista@planta.test', name: 'Ramón Pérez' } });
    await prisma.user.create({ data: { email: 'ramona.baja@planta.test', name: 'Ramona Baja', isActive: false } });
    const byName = await supervisor.client.json<{ records: RecordJson[] }>(`/admin/api/resources/User/search/${encodeURIComponent('ramon perez')}`);
    expect(byName.status).toBe(200);
    expect(byName.body.records.map((r) => r.title)).toEqual(['Ramón Pérez · ramon.electricista@planta.test']);
    // Only the id and the name leave the server.
    expect(Object.keys(byName.body.records[0]!.params).sort()).toEqual(['id', 'name']);
    const byMail = await supervisor.client.json<{ records: RecordJson[] }>(`/admin/api/resources/User/search/electricista`);
    expect(byMail.body.records.map((r) => r.title)).toEqual(['Ramón Pérez · ramon.electricista@planta.test']);
    // The users list itself stays closed to him.
    expect((await supervisor.client.json(`/admin/api/resources/User/actions/list`)).status).toBe(403);
  });

  it('name the responsible of an asset in a supervisor\'s list, not his id', async () => {
    const responsible = await prisma.user.create({ data: { email: 'julia.resp@planta.test', name: 'Julia Responsable' } });
    const asset = await make.anAsset(prisma, { description: 'Turbina auxiliar' });
    await prisma.asset.update({ where: { id: asset.id }, data: { responsibleUserId: responsible.id } });
    const listed = await supervisor.client.json<{ records: (RecordJson & { populated: Record<string, RecordJson> })[] }>(
      `/admin/api/resources/Asset/actions/list?filters.responsibleUser=${responsible.id}`,
    );
    expect(listed.body.records.map((r) => r.populated.responsibleUser?.title)).toEqual(['Julia Responsable']);
  });
});
