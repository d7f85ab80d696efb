// Signing a revision ("Firmar") and verifying it ("Verificar"), as people of the plant over HTTP; the
// audit of a signature is immutable for everybody, the application's own database role included.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import { aPdf, signRevision, uploadRevision } from './support/documents.js';
import { HttpClient } from './support/http-client.js';
import { aPerson, PASSWORD, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let engineer: Person;
let technician: Person;
let consultant: Person;

beforeAll(async () => {
  // No job runs here: a refused signature must write nothing, and the history is counted whole; the
  // indexing job reading an uploaded revision's text would write its own (rightful) history meanwhile.
  office = await startTestBackOffice({ env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' }, jobs: [] });
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  engineer = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Ernesto Ingeniero');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  consultant = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carla Consultora');
});
afterAll(() => office?.close());

async function aDocumentWithRevision(title: string, content = aPdf(title)) {
  const document = await prisma.document.create({ data: { title, kind: 'PROCEDURE' } });
  const upload = await uploadRevision(supervisor.client, document.id, content, `${title}.pdf`);
  expect(upload.status).toBe(201);
  return { document, revisionId: upload.body.revision!.id, sha256: upload.body.revision!.sha256 };
}

const verify = (person: Person, revisionId: number) =>
  person.client.json<{ fileIntact: boolean; currentSha256: string | null; uploadedSha256: string; signatures: { signer: string; matches: boolean }[] }>(
    `/admin/documents/revisions/${revisionId}/verify`,
  );

describe('signing a revision', () => {
  it('records the signature and its audit (signer, time, IP, user agent, hash of the stored file) and approves the document', async () => {
    const { document, revisionId, sha256 } = await aDocumentWithRevision('Procedimiento de bloqueo');
    // A forged X-Forwarded-For is not believed: this server trusts no proxy (TRUST_PROXY unset).
    const { status, body } = await signRevision(supervisor.client, revisionId, PASSWORD, 'Mozilla/5.0 (Sala de control)', { 'x-forwarded-for': '203.0.113.9' });
    expect(status).toBe(201);
    expect(body).toMatchObject({ documentApproved: true, message: 'Todas las firmas requeridas están: documento aprobado.' });

    const signature = await prisma.documentSignature.findFirstOrThrow({ where: { revisionId }, include: { audit: true } });
    expect(signature).toMatchObject({ signerId: supervisor.userId, sha256 });
    expect(signature.audit).toMatchObject({ revisionId, signerId: supervisor.userId, ip: '127.0.0.1', userAgent: 'Mozilla/5.0 (Sala de control)', sha256, signedAt: signature.signedAt });
    expect((await prisma.document.findUniqueOrThrow({ where: { id: document.id } })).state).toBe('APPROVED');

    // The document's page shows the signature and, to a supervisor, its audit.
    const page = await supervisor.client.json<{ revisions: { signatures: { signer: string }[]; audits: { ip: string; userAgent: string }[] | null }[] }>(`/admin/documents/${document.id}/revisions`);
    expect(page.body.revisions[0]!.signatures.map((s) => s.signer)).toEqual(['Sara Supervisora']);
    expect(page.body.revisions[0]!.audits).toEqual([expect.objectContaining({ ip: '127.0.0.1', userAgent: 'Mozilla/5.0 (Sala de control)' })]);
  });

  it('with named signers, the document is approved only when all of them have signed; others may not sign', async () => {
    const { document, revisionId } = await aDocumentWithRevision('Plan de izaje');
    await prisma.revisionSigner.createMany({ data: [{ revisionId, userId: supervisor.userId }, { revisionId, userId: technician.userId }] });

    const outsider = await signRevision(engineer.client, revisionId, PASSWORD);
    expect(outsider).toMatchObject({ status: 422, body: { error: 'notANamedSigner' } });

    expect((await signRevision(supervisor.client, revisionId, PASSWORD)).body.documentApproved).toBe(false);
    expect((await prisma.document.findUniqueOrThrow({ where: { id: document.id } })).state).toBe('DRAFT');
    const twice = await signRevision(supervisor.client, revisionId, PASSWORD);
    expect(twice).toMatchObject({ status: 422, body: { error: 'alreadySigned', message: 'Usted ya firmó esta revisión.' } });

    // The technician may sign because he is named (and he sees documents not tied to any order).
    const last = await signRevision(technician.client, revisionId, PASSWORD);
    expect(last).toMatchObject({ status: 201, body: { documentApproved: true } });
    expect((await prisma.document.findUniqueOrThrow({ where: { id: document.id } })).state).toBe('APPROVED');
    expect(await prisma.signatureAudit.count({ where: { revisionId } })).toBe(2);
  });

  it('a consultant (read-only) may not sign, and a technician not named may not either', async () => {
    const { revisionId } = await aDocumentWithRevision('Hoja de datos');
    expect(await signRevision(consultant.client, revisionId, PASSWORD)).toEqual({
      status: 403,
      body: { error: 'forbidden', message: 'No puede firmar esta revisión: firman los supervisores y los firmantes designados.' },
    });
    expect((await signRevision(technician.client, revisionId, PASSWORD)).status).toBe(403);
    expect(await prisma.documentSignature.count({ where: { revisionId } })).toBe(0);
    // Their page does not offer "Firmar"; a supervisor's does.
    type Page = { document: { id: number }; revisions: { id: number; maySign: boolean }[] };
    const documentId = (await prisma.documentRevision.findUniqueOrThrow({ where: { id: revisionId } })).documentId;
    for (const [client, may] of [[consultant.client, false], [technician.client, false], [supervisor.client, true]] as const)
      expect((await client.json<Page>(`/admin/documents/${documentId}/revisions`)).body.revisions.map((r) => r.maySign)).toEqual([may]);
  });

  it('only the latest revision is signed', async () => {
    const { document, revisionId } = await aDocumentWithRevision('Diagrama unifilar');
    await uploadRevision(supervisor.client, document.id, aPdf('Diagrama unifilar B'), 'unifilar-b.pdf');
    expect(await signRevision(supervisor.client, revisionId, PASSWORD)).toMatchObject({ status: 422, body: { error: 'revisionNotLatest' } });
  });
});

describe('a wrong password', () => {
  it('is refused and writes nothing: no signature, no audit, no history', async () => {
    const { revisionId } = await aDocumentWithRevision('Permiso de trabajo en caliente');
    const before = { signatures: await prisma.documentSignature.count(), audits: await prisma.signatureAudit.count(), history: await prisma.changeHistory.count() };
    const { status, body } = await signRevision(engineer.client, revisionId, 'no-es-mi-clave');
    expect(status).toBe(403);
    expect(body).toEqual({ error: 'wrongPassword', message: 'Contraseña incorrecta. No se registró ninguna firma.' });
    expect({ signatures: await prisma.documentSignature.count(), audits: await prisma.signatureAudit.count(), history: await prisma.changeHistory.count() }).toEqual(before);
  });

  it('counts as a failed sign-in: the sign form cannot be used to guess a password', async () => {
    const { revisionId } = await aDocumentWithRevision('Procedimiento de arranque');
    // Ernesto already failed once above; the limit in this file is 3 per account.
    expect((await signRevision(engineer.client, revisionId, 'intento-2')).status).toBe(403);
    expect((await signRevision(engineer.client, revisionId, 'intento-3')).status).toBe(403);
    // Now even the right password is refused, on this form and on the sign-in page.
    expect(await signRevision(engineer.client, revisionId, PASSWORD)).toMatchObject({ status: 429, body: { error: 'tooManyRequests' } });
    expect(await prisma.documentSignature.count({ where: { revisionId } })).toBe(0);
    const login = await new HttpClient(office.url).submitLogin(engineer.email, PASSWORD);
    expect(login.status).toBe(429);
  });
});

describe('verifying', () => {
  it('says the stored file matches; after tampering with it, says it no longer does, and refuses to sign it', async () => {
    const { revisionId, sha256 } = await aDocumentWithRevision('Certificado de calibración');
    const inspector = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Irene Inspectora');
    await prisma.revisionSigner.createMany({ data: [{ revisionId, userId: supervisor.userId }, { revisionId, userId: inspector.userId }] });
    await signRevision(supervisor.client, revisionId, PASSWORD);

    const intact = await verify(consultant, revisionId);
    expect(intact.body).toMatchObject({ fileIntact: true, currentSha256: sha256, uploadedSha256: sha256, signatures: [{ signer: `Sara Supervisora <${supervisor.email}>`, matches: true }] });

    // Someone with access to the disk replaces the stored bytes.
    const revision = await prisma.documentRevision.findUniqueOrThrow({ where: { id: revisionId } });
    await writeFile(path.join(office.config.dataDir, 'files', revision.fileKey), aPdf('Certificado FALSO'));

    const tampered = await verify(consultant, revisionId);
    expect(tampered.body.fileIntact).toBe(false);
    expect(tampered.body.currentSha256).not.toBe(sha256);
    expect(tampered.body.signatures.map((s) => s.matches)).toEqual([false]);

    // The second named signer is not led into signing the altered file.
    const second = await signRevision(inspector.client, revisionId, PASSWORD);
    expect(second).toMatchObject({ status: 422, body: { error: 'storedFileChanged' } });
    expect(await prisma.documentSignature.count({ where: { revisionId } })).toBe(1);
  });
});

describe('the signature audit is immutable', () => {
  let auditId: number;
  let original: unknown;

  beforeAll(async () => {
    const { revisionId } = await aDocumentWithRevision('Acta de entrega');
    await signRevision(supervisor.client, revisionId, PASSWORD);
    const audit = await prisma.signatureAudit.findFirstOrThrow({ where: { revisionId } });
    auditId = audit.id;
    original = audit;
  });

  it('through Prisma: update and delete are refused', async () => {
    await expect(prisma.signatureAudit.update({ where: { id: auditId }, data: { ip: '10.0.0.66' } })).rejects.toThrow(/immutable/);
    await expect(prisma.signatureAudit.delete({ where: { id: auditId } })).rejects.toThrow(/immutable/);
    await expect(prisma.documentSignature.updateMany({ data: { sha256: '0'.repeat(64) } })).rejects.toThrow(/immutable/);
  });

  it('through raw SQL on the application connection: UPDATE, DELETE and TRUNCATE are refused', async () => {
    for (const sql of [`UPDATE signature_audits SET ip = '10.0.0.66' WHERE id = ${auditId}`, `DELETE FROM signature_audits WHERE id = ${auditId}`, 'TRUNCATE signature_audits CASCADE']) {
      await expect(office.database.pool.query(sql)).rejects.toThrow(/immutable/);
    }
    expect(await prisma.signatureAudit.findUniqueOrThrow({ where: { id: auditId } })).toEqual(original);
  });

  it('through the back office: no action edits or deletes it, administrators included', async () => {
    const admin = await aPerson(prisma, office.url, ['ADMINISTRATORS'], 'Ana Administradora');
    expect((await admin.client.request(`/admin/api/resources/SignatureAudit/records/${auditId}/edit`, { method: 'POST', body: new FormData() })).status).toBe(403);
    expect((await admin.client.request(`/admin/api/resources/SignatureAudit/records/${auditId}/delete`, { method: 'POST' })).status).toBe(403);
    expect((await admin.client.request(`/admin/api/resources/SignatureAudit/records/${auditId}/show`)).status).toBe(200);
  });
});

describe('behind a trusted reverse proxy (TRUST_PROXY)', () => {
  it("the audit records the client's address the proxy reports", async () => {
    const proxied = await startTestBackOffice({ env: { TRUST_PROXY: 'loopback' } });
    try {
      const db = proxied.database.prisma;
      const person = await aPerson(db, proxied.url, ['SUPERVISORS'], 'Pablo Proxy');
      const document = await db.document.create({ data: { title: 'Diagrama P&ID', kind: 'DRAWING' } });
      const { body } = await uploadRevision(person.client, document.id, aPdf('PID'), 'pid.pdf');
      const signed = await signRevision(person.client, body.revision!.id, PASSWORD, 'Mozilla/5.0', { 'x-forwarded-for': '10.20.30.40' });
      expect(signed.status).toBe(201);
      expect((await db.signatureAudit.findFirstOrThrow({ where: { revisionId: body.revision!.id } })).ip).toBe('10.20.30.40');
    } finally {
      await proxied.close();
    }
  });
});

describe('naming required signers', () => {
  it('a supervisor names them on the current revision of an open document, not on an approved one', async () => {
    const { document, revisionId } = await aDocumentWithRevision('Instructivo de purga');
    const name = (userId: number) => {
      const form = new FormData();
      form.set('revision', String(revisionId));
      form.set('user', String(userId));
      return supervisor.client.json<{ record: { errors: Record<string, { message: string }> } }>('/admin/api/resources/RevisionSigner/actions/new', { method: 'POST', body: form });
    };
    expect((await name(engineer.userId)).body.record.errors).toEqual({});
    await prisma.revisionSigner.deleteMany({ where: { revisionId } });
    await signRevision(supervisor.client, revisionId, PASSWORD);
    expect((await prisma.document.findUniqueOrThrow({ where: { id: document.id } })).state).toBe('APPROVED');

    const late = await name(technician.userId);
    expect(late.body.record.errors.revision?.message).toBe('Solo se designan firmantes en la última revisión de un documento en borrador o en revisión.');
    expect(await prisma.revisionSigner.count({ where: { revisionId } })).toBe(0);
  });
});
