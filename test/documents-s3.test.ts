// The same document workflow with files in an S3-compatible store (s3rver on 127.0.0.1), downloads
// redirected to short-lived presigned URLs after the rights check.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import { aPdf, signRevision, uploadRevision } from './support/documents.js';
import * as make from './support/factories.js';
import { aPerson, PASSWORD, type Person } from './support/people.js';
import { startS3Server, type TestS3Server } from './support/s3-server.js';

let s3: TestS3Server;
let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let technician: Person;

beforeAll(async () => {
  s3 = await startS3Server();
  office = await startTestBackOffice({ env: { ...s3.env, DOCUMENT_DOWNLOADS: 'presigned', DOCUMENT_DOWNLOAD_URL_SECONDS: '2' } });
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
});
afterAll(async () => {
  await office?.close();
  await s3?.stop();
});

describe('documents on S3', () => {
  it('a revision is stored in the bucket; its download is a presigned URL that works for a few seconds only', async () => {
    const order = await make.aWorkOrder(prisma); // not the technician's
    const document = await prisma.document.create({ data: { title: 'Informe de termografía', kind: 'REPORT', workOrderId: order.id } });
    const pdf = aPdf('Termografia del tablero');
    const upload = await uploadRevision(supervisor.client, document.id, pdf, 'Termografía tablero.pdf');
    expect(upload.status).toBe(201);
    const revision = await prisma.documentRevision.findUniqueOrThrow({ where: { id: upload.body.revision!.id } });
    expect(await office.storage.head(revision.fileKey)).toEqual({ size: pdf.length, contentType: 'application/pdf' });

    const answer = await supervisor.client.request(`/admin/documents/revisions/${revision.id}/download`);
    expect(answer.status).toBe(302);
    const url = answer.headers.get('location')!;
    expect(url.startsWith(`${s3.settings.endpoint}/${s3.settings.bucket}/${revision.fileKey}?`)).toBe(true);
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('2');

    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="Termografia tablero.pdf"; filename*=UTF-8''${encodeURIComponent('Termografía tablero.pdf')}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);

    // Without rights on the order, no URL is handed out at all.
    expect((await technician.client.request(`/admin/documents/revisions/${revision.id}/download`)).status).toBe(404);

    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const late = await fetch(url);
    expect(late.status).toBe(403);
  });

  it('signing hashes the object in the bucket; replacing the object is caught by verification', async () => {
    const document = await prisma.document.create({ data: { title: 'Procedimiento LOTO', kind: 'PROCEDURE' } });
    const pdf = aPdf('Bloqueo y etiquetado');
    const { body } = await uploadRevision(supervisor.client, document.id, pdf, 'loto.pdf');
    const signed = await signRevision(supervisor.client, body.revision!.id, PASSWORD);
    expect(signed.status).toBe(201);
    expect(signed.body.signature!.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

    const revision = await prisma.documentRevision.findUniqueOrThrow({ where: { id: body.revision!.id } });
    await office.storage.put(revision.fileKey, aPdf('Bloqueo y etiquetado (alterado)'), { contentType: 'application/pdf' });
    const verdict = await supervisor.client.json<{ fileIntact: boolean; signatures: { matches: boolean }[] }>(`/admin/documents/revisions/${revision.id}/verify`);
    expect(verdict.body).toMatchObject({ fileIntact: false, signatures: [{ matches: false }] });
  });
});
