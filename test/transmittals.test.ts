// Transmittals over HTTP (issue 24): a supervisor drafts one, adds revisions and recipients (a user and an
// external contact) on its page and sends it; each recipient's e-mail reaches a real SMTP server with a
// link of his own; the link opens the cover sheet and the frozen files with no sign-in, a file downloads
// with the hash frozen at sending, and "Acuso recibo" writes an immutable acknowledgement. Expired,
// revoked and unknown links are refused with a page saying why; a link opens no other transmittal's file;
// numbers are gap-free under concurrency; overdue acknowledgements are told to the sender once.
import { createHash } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startFakeSmtp, type FakeSmtp } from '../integrations/messaging/fakes/fake-smtp.js';
import { notifyOverdueAcknowledgements } from '../domain/transmittals/notify-overdue-acknowledgements.js';
import { sendTransmittal } from '../domain/transmittals/send-transmittal.js';
import { defineAbilitiesFor } from '../domain/access/abilities.js';
import { Refusal } from '../domain/refusal.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';
import { aPdf, uploadRevision } from './support/documents.js';
import { aPerson, type Person } from './support/people.js';

let smtp: FakeSmtp;
let office: TestBackOffice;
let prisma: Db;
let sara: Person; // supervisor: document control
let carla: Person; // consultant: reads
let tomas: Person; // technician: sees no transmittals
let ines: Person; // an internal recipient (supervisor of another area)
const PUBLIC_URL = 'https://cmms.planta.test';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0 (contratista)';

type ActionBody = { notice?: { message: string; type: string }; record?: { id?: number; params: Record<string, string>; errors?: Record<string, { message: string }> } };
const form = (fields: Record<string, string>) => {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return body;
};
const newRecord = (client: HttpClient, resource: string, fields: Record<string, string>) =>
  client.json<ActionBody>(`/admin/api/resources/${resource}/actions/new`, { method: 'POST', body: form(fields) });
const act = (client: HttpClient, resource: string, id: number, action: string, fields: Record<string, string> = {}) =>
  client.json<ActionBody>(`/admin/api/resources/${resource}/records/${id}/${action}`, { method: 'POST', body: form(fields) });
const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  smtp = await startFakeSmtp();
  office = await startTestBackOffice({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'CMMS Planta <cmms@planta.test>', PUBLIC_URL, WORKERS_IN_PROCESS: 'false' } });
  prisma = office.database.prisma;
  sara = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  carla = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carla Consultora');
  tomas = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  ines = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Inés Ingeniera');
});
afterAll(async () => {
  await office?.close();
  await smtp?.close();
});

/** A document with one uploaded revision (a real PDF in storage). */
async function aRevision(title: string) {
  const document = await prisma.document.create({ data: { title, kind: 'DRAWING' } });
  const uploaded = await uploadRevision(sara.client, document.id, aPdf(title), `${title.toLowerCase().replace(/\W+/g, '-')}.pdf`);
  expect(uploaded.status).toBe(201);
  return { document, revision: uploaded.body.revision! };
}

/** A draft made through the forms: the transmittal, its revisions, a user and an external contact. */
async function aDraft(subject: string, revisions: number[], recipients: { userId?: number; contactId?: number }[]) {
  const created = await newRecord(sara.client, 'Transmittal', { subject, purpose: 'APPROVAL', message: 'Favor revisar y devolver comentarios.', acknowledgeBy: '2026-12-15' });
  expect(created.body.record?.errors ?? {}).toEqual({});
  const id = Number(created.body.record!.params.id);
  for (const revision of revisions) {
    const line = await newRecord(sara.client, 'TransmittalDocument', { transmittal: String(id), revision: String(revision) });
    expect(line.body.record?.errors ?? {}).toEqual({});
  }
  for (const r of recipients) {
    const line = await newRecord(sara.client, 'TransmittalRecipient', { transmittal: String(id), ...(r.userId ? { user: String(r.userId) } : { externalContact: String(r.contactId) }) });
    expect(line.body.record?.errors ?? {}).toEqual({});
  }
  return id;
}

/** The link each recipient received, by address, taken from the e-mails the SMTP server got. */
function linksIn(mails: FakeSmtp['received']): Map<string, string> {
  const links = new Map<string, string>();
  for (const mail of mails) {
    const body = mail.raw.replace(/=\r?\n/g, '');
    const link = new RegExp(`${PUBLIC_URL}/transmittals/([A-Za-z0-9_-]{43})`).exec(body);
    if (link) links.set(mail.to[0]!, link[1]!);
  }
  return links;
}

/** Opens a link as the recipient's browser: no session, a cookie jar of its own. */
async function openAsRecipient(token: string) {
  const browser = new HttpClient(office.url);
  const page = await browser.request(`/transmittals/${token}`, { headers: { 'user-agent': BROWSER } });
  return { browser, page, html: await page.text() };
}

describe('transmittal numbers', () => {
  it('are TRM-YYYY-NNNN, gap-free and unique when twenty are drafted at once, and a rolled-back draft gives its number back', async () => {
    const year = new Date().getFullYear();
    const before = await prisma.transmittal.count();
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => prisma.transmittal.create({ data: { subject: `Concurrente ${i}`, senderId: sara.userId } })),
    );
    const numbers = created.map((t) => t.number).sort();
    expect(new Set(numbers).size).toBe(20);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `TRM-${year}-${String(before + i + 1).padStart(4, '0')}`));
    await expect(
      prisma.transactionAs(async (tx) => {
        await tx.transmittal.create({ data: { subject: 'Se deshace', senderId: sara.userId } });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const next = await prisma.transmittal.create({ data: { subject: 'Después del rollback', senderId: sara.userId } });
    expect(next.number).toBe(`TRM-${year}-${String(before + 21).padStart(4, '0')}`);
    await prisma.transmittal.deleteMany({ where: { sentAt: null } });
  });
});

describe('a transmittal sent, opened and acknowledged', () => {
  let transmittalId: number;
  let plan: Awaited<ReturnType<typeof aRevision>>;
  let manual: Awaited<ReturnType<typeof aRevision>>;
  let links: Map<string, string>;
  let contact: { id: number; email: string };

  beforeAll(async () => {
    plan = await aRevision('Plano de la bomba P-101');
    manual = await aRevision('Manual del compresor');
    const made = await newRecord(sara.client, 'ExternalContact', { name: 'Ernesto Contratista', company: 'Montajes del Norte', email: 'ernesto@montajes.test', phone: '+504 9999-0000', isActive: 'true' });
    expect(made.body.record?.errors ?? {}).toEqual({});
    contact = { id: Number(made.body.record!.params.id), email: 'ernesto@montajes.test' };
    transmittalId = await aDraft('Planos para aprobación', [plan.revision.id, manual.revision.id], [{ userId: ines.userId }, { contactId: contact.id }]);
  });

  it('is drafted through the forms with its sender set by the server and each revision frozen with its hash', async () => {
    const transmittal = await prisma.transmittal.findUniqueOrThrow({ where: { id: transmittalId }, include: { documents: { orderBy: { id: 'asc' } } } });
    expect(transmittal).toMatchObject({ state: 'DRAFT', senderId: sara.userId, purpose: 'APPROVAL' });
    expect(transmittal.documents.map((d) => [d.revisionId, d.sha256])).toEqual([[plan.revision.id, plan.revision.sha256], [manual.revision.id, manual.revision.sha256]]);
  });

  it('is not sent by a consultant, and a technician does not see it', async () => {
    expect((await act(carla.client, 'Transmittal', transmittalId, 'sendTransmittal')).status).toBe(403);
    expect((await tomas.client.json(`/admin/api/resources/Transmittal/records/${transmittalId}/show`)).status).toBe(403);
    expect(smtp.received).toHaveLength(0);
  });

  it('goes out by e-mail, one link per recipient, and only the hash of each token is kept', async () => {
    const sent = await act(sara.client, 'Transmittal', transmittalId, 'sendTransmittal');
    expect(sent.body.notice).toMatchObject({ type: 'success', message: 'transmittalSent' });
    expect(sent.body.record?.params.state).toBe('SENT');
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([contact.email, ines.email].sort());
    const external = smtp.received.find((m) => m.to[0] === contact.email)!;
    expect(external.subject).toMatch(/^TRM-\d{4}-\d{4} · Planos para aprobación \(para aprobación\)$/);
    links = linksIn(smtp.received);
    expect(links.size).toBe(2);
    expect(links.get(contact.email)).not.toBe(links.get(ines.email));
    const recipients = await prisma.transmittalRecipient.findMany({ where: { transmittalId }, orderBy: { id: 'asc' } });
    for (const recipient of recipients) {
      expect(recipient.emailedAt).not.toBeNull();
      expect(recipient.linkExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    }
    expect(recipients.map((r) => r.tokenHash).sort()).toEqual([...links.values()].map((t) => sha256(Buffer.from(t))).sort());
    // The token itself is nowhere in the database's history either.
    const history = await prisma.$queryRaw<{ changes: string }[]>`SELECT changes::text AS changes FROM change_history_entries WHERE table_name = 'transmittal_recipients' AND record_id = ${recipients[0]!.id}`;
    expect(history.length).toBeGreaterThan(0);
    expect(history.map((h) => h.changes).join('\n')).not.toContain(recipients[0]!.tokenHash!);
  });

  it('opens with no sign-in: the cover sheet, the files with their hashes, and the acknowledgement form', async () => {
    const { page, html } = await openAsRecipient(links.get(contact.email)!);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const number = (await prisma.transmittal.findUniqueOrThrow({ where: { id: transmittalId } })).number;
    expect(html).toContain(`Transmisión ${number}`);
    expect(html).toContain('De: Sara Supervisora');
    expect(html).toContain('Propósito: Para aprobación');
    expect(html).toContain('Para: Ernesto Contratista');
    expect(html).toContain(plan.revision.sha256);
    expect(html).toContain('Acuso recibo');
  });

  it('gives the cover sheet as a PDF, through the link and to readers of the back office only', async () => {
    const number = (await prisma.transmittal.findUniqueOrThrow({ where: { id: transmittalId } })).number;
    const textOf = async (response: Response) => {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      return (await extractText(await getDocumentProxy(new Uint8Array(await response.arrayBuffer())), { mergePages: true })).text;
    };
    const viaLink = await textOf(await new HttpClient(office.url).request(`/transmittals/${links.get(contact.email)}/cover.pdf`));
    for (const expected of [number, 'Planos para aprobación', 'De: Sara Supervisora', 'Propósito: Para aprobación', plan.document.code, 'manual-del-compresor.pdf', plan.revision.sha256])
      expect(viaLink).toContain(expected);
    expect(await textOf(await carla.client.request(`/admin/transmittals/${transmittalId}/cover.pdf`))).toContain(number);
    expect((await tomas.client.request(`/admin/transmittals/${transmittalId}/cover.pdf`)).status).toBe(403);
    expect((await carla.client.request(`/admin/transmittals/999999/cover.pdf`)).status).toBe(404);
  });

  it('downloads a file streamed from storage whose hash is the one frozen at sending', async () => {
    const { browser, html } = await openAsRecipient(links.get(contact.email)!);
    const fileLink = /href="(\/transmittals\/[^"]+\/files\/(\d+))" data-line="\d+">plano-de-la-bomba-p-101\.pdf</.exec(html);
    expect(fileLink).not.toBeNull();
    const download = await browser.request(fileLink![1]!);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await download.arrayBuffer());
    const frozen = await prisma.transmittalDocument.findUniqueOrThrow({ where: { id: Number(fileLink![2]) } });
    expect(sha256(bytes)).toBe(frozen.sha256);
    expect(frozen.sha256).toBe(plan.revision.sha256);
  });

  it('refuses another transmittal\'s file with this token, as if it did not exist', async () => {
    const other = await aRevision('Diagrama unifilar');
    const otherId = await aDraft('Otro transmittal', [other.revision.id], [{ userId: ines.userId }]);
    const otherLine = await prisma.transmittalDocument.findFirstOrThrow({ where: { transmittalId: otherId } });
    const { browser } = await openAsRecipient(links.get(contact.email)!);
    const refused = await browser.request(`/transmittals/${links.get(contact.email)}/files/${otherLine.id}`);
    expect(refused.status).toBe(404);
    expect(await refused.text()).toContain('Este enlace no existe');
  });

  it('records "Acuso recibo" (who, when, IP, browser) only with the page\'s CSRF token, then the transmittal is partially acknowledged', async () => {
    const token = links.get(contact.email)!;
    const { browser, html } = await openAsRecipient(token);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    // Without the token, or from another site: refused, nothing written.
    const forged = await new HttpClient(office.url).request(`/transmittals/${token}/acknowledge`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${csrf}` });
    expect(forged.status).toBe(403);
    const crossSite = await browser.request(`/transmittals/${token}/acknowledge`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' }, body: `_csrf=${csrf}` });
    expect(crossSite.status).toBe(403);
    expect(await prisma.transmittalAcknowledgement.count({ where: { transmittalId } })).toBe(0);

    const acknowledged = await browser.request(`/transmittals/${token}/acknowledge`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': BROWSER }, body: `_csrf=${csrf}` });
    expect(acknowledged.status).toBe(303);
    const row = await prisma.transmittalAcknowledgement.findFirstOrThrow({ where: { transmittalId } });
    expect(row).toMatchObject({ name: 'Ernesto Contratista', email: contact.email, userAgent: BROWSER });
    expect(row.ip).toMatch(/127\.0\.0\.1/);
    expect((await prisma.transmittal.findUniqueOrThrow({ where: { id: transmittalId } })).state).toBe('PARTIALLY_ACKNOWLEDGED');
    // A second click finds it done: still one row, and the page says when.
    await browser.request(`/transmittals/${token}/acknowledge`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${csrf}` });
    expect(await prisma.transmittalAcknowledgement.count({ where: { transmittalId } })).toBe(1);
    expect(await (await browser.request(`/transmittals/${token}`)).text()).toContain('Acusó recibo el');
  });

  it('is acknowledged by all once the last recipient acknowledges, and the sender sees it on the transmittal', async () => {
    const { browser, html } = await openAsRecipient(links.get(ines.email)!);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    expect((await browser.request(`/transmittals/${links.get(ines.email)}/acknowledge`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${csrf}` })).status).toBe(303);
    const shown = await sara.client.json<ActionBody>(`/admin/api/resources/Transmittal/records/${transmittalId}/show`);
    expect(shown.body.record?.params.state).toBe('ACKNOWLEDGED');
    const acks = await sara.client.json<{ records: { params: Record<string, string> }[] }>(`/admin/api/resources/TransmittalAcknowledgement/actions/list?filters.transmittal=${transmittalId}`);
    expect(acks.body.records.map((r) => r.params.name).sort()).toEqual(['Ernesto Contratista', 'Inés Ingeniera']);
  });

  it('keeps the acknowledgement immutable, for the application\'s own connection too', async () => {
    const row = await prisma.transmittalAcknowledgement.findFirstOrThrow({ where: { transmittalId } });
    await expect(prisma.$executeRaw`UPDATE transmittal_acknowledgements SET ip = '10.0.0.1' WHERE id = ${row.id}`).rejects.toThrow(/immutable/);
    await expect(prisma.$executeRaw`DELETE FROM transmittal_acknowledgements WHERE id = ${row.id}`).rejects.toThrow(/immutable/);
    expect((await prisma.transmittalAcknowledgement.findUniqueOrThrow({ where: { id: row.id } })).ip).toBe(row.ip);
  });

  it('freezes what was sent: no revision added, changed or removed, and the transmittal is not deleted', async () => {
    const added = await newRecord(sara.client, 'TransmittalDocument', { transmittal: String(transmittalId), revision: String(manual.revision.id + 0) });
    expect(added.status).toBe(403);
    await expect(prisma.$executeRaw`UPDATE transmittal_documents SET sha256 = repeat('0', 64) WHERE transmittal_id = ${transmittalId}`).rejects.toThrow(/never changes/);
    await expect(prisma.$executeRaw`DELETE FROM transmittal_documents WHERE transmittal_id = ${transmittalId}`).rejects.toThrow(/draft/);
    await expect(prisma.$executeRaw`DELETE FROM transmittals WHERE id = ${transmittalId}`).rejects.toThrow(/kept/);
    expect(await prisma.transmittalDocument.count({ where: { transmittalId } })).toBe(2);
  });
});

describe('links that open nothing', () => {
  let tokens: Map<string, string>;
  let transmittalId: number;

  beforeAll(async () => {
    const { revision } = await aRevision('Procedimiento de arranque');
    const expiring = await prisma.externalContact.create({ data: { name: 'Vera Vencida', email: 'vera@consultora.test' } });
    const revoked = await prisma.externalContact.create({ data: { name: 'Rita Revocada', email: 'rita@consultora.test' } });
    transmittalId = await aDraft('Procedimiento para información', [revision.id], [{ contactId: expiring.id }, { contactId: revoked.id }]);
    smtp.received.length = 0;
    expect((await act(sara.client, 'Transmittal', transmittalId, 'sendTransmittal')).body.notice?.type).toBe('success');
    tokens = linksIn(smtp.received);
  });

  it('refuses an expired link with a page that says so and what to do', async () => {
    await prisma.transmittalRecipient.updateMany({ where: { transmittalId, externalContact: { is: { email: 'vera@consultora.test' } } }, data: { linkExpiresAt: new Date(Date.now() - 60_000) } });
    const { page, html } = await openAsRecipient(tokens.get('vera@consultora.test')!);
    expect(page.status).toBe(410);
    expect(html).toContain('venció. Pida al remitente que le envíe uno nuevo');
    const { revision } = await prisma.transmittalDocument.findFirstOrThrow({ where: { transmittalId }, include: { revision: true } });
    const line = await prisma.transmittalDocument.findFirstOrThrow({ where: { transmittalId } });
    expect((await new HttpClient(office.url).request(`/transmittals/${tokens.get('vera@consultora.test')}/files/${line.id}`)).status).toBe(410);
    expect(revision.fileName).toBeTruthy();
  });

  it('refuses a link the sender revoked (by its button), and the other recipient\'s link still works', async () => {
    const rita = await prisma.transmittalRecipient.findFirstOrThrow({ where: { transmittalId, externalContact: { is: { email: 'rita@consultora.test' } } } });
    expect((await act(carla.client, 'TransmittalRecipient', rita.id, 'revokeLink')).status).toBe(403);
    const revoked = await act(sara.client, 'TransmittalRecipient', rita.id, 'revokeLink');
    expect(revoked.body.notice).toMatchObject({ type: 'success', message: 'transmittalLinkRevoked' });
    const { page, html } = await openAsRecipient(tokens.get('rita@consultora.test')!);
    expect(page.status).toBe(410);
    expect(html).toContain('El remitente revocó este enlace');
    expect((await act(sara.client, 'TransmittalRecipient', rita.id, 'revokeLink')).body.notice?.type).toBe('error');
  });

  it('refuses an unknown or malformed token as not found', async () => {
    expect((await openAsRecipient('A'.repeat(43))).page.status).toBe(404);
    expect((await new HttpClient(office.url).request('/transmittals/%27%3B--')).status).toBe(404);
  });

  it('refuses every link of a cancelled transmittal', async () => {
    const cancelled = await act(sara.client, 'Transmittal', transmittalId, 'cancelTransmittal');
    expect(cancelled.body.record?.params.state).toBe('CANCELLED');
    const { page, html } = await openAsRecipient(tokens.get('vera@consultora.test')!);
    expect(page.status).toBe(410);
    expect(html).toContain('fue cancelado');
  });
});

describe('the cover sheet from an administrator\'s template', () => {
  it('uses the active TRANSMITTAL_COVER template, and hostile values in it come out as text, not markup', async () => {
    const template = await prisma.template.create({ data: { kind: 'TRANSMITTAL_COVER', language: 'es', name: 'Carátula de obra', body: 'Carátula de obra {{number}}\nAsunto: {{subject}}\nMensaje: {{message}}\n---\nFormulario DC-07' } });
    try {
      const { revision } = await aRevision('Isométrico de la línea de vapor');
      const hostile = await prisma.externalContact.create({ data: { name: 'Hugo <b>Hostil</b>', email: 'hugo@hostil.test' } });
      const id = await aDraft('<img src=x onerror=alert(1)>', [revision.id], [{ contactId: hostile.id }]);
      smtp.received.length = 0;
      expect((await act(sara.client, 'Transmittal', id, 'sendTransmittal')).body.notice?.type).toBe('success');
      const { html } = await openAsRecipient(linksIn(smtp.received).get('hugo@hostil.test')!);
      expect(html).toContain('Carátula de obra TRM-');
      expect(html).toContain('Formulario DC-07');
      expect(html).toContain('Asunto: &lt;img src=x onerror=alert(1)&gt;');
      expect(html).toContain('Hugo &lt;b&gt;Hostil&lt;/b&gt;');
      expect(html).not.toMatch(/<img|<b>Hostil/);
    } finally {
      await prisma.template.delete({ where: { id: template.id } });
    }
  });
});

describe('sending refused', () => {
  it('says e-mail is off, and writes nothing, while SMTP or PUBLIC_URL is missing', async () => {
    const { revision } = await aRevision('Hoja de datos');
    const id = await aDraft('Sin correo', [revision.id], [{ userId: ines.userId }]);
    const ability = defineAbilitiesFor({ userId: sara.userId, groups: ['SUPERVISORS'], technicianId: null, sharedOrderIds: [], canReadHistory: false, approvalLimit: null, sitePaths: [] });
    const refusal = await sendTransmittal(prisma, { mailer: null, publicUrl: undefined, linkDays: 30, defaultLanguage: 'es', timeZone: 'America/Tegucigalpa', storage: office.storage }, ability, id).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(Refusal);
    expect((refusal as Refusal).key).toBe('transmittalRefused_mailOff');
    expect((refusal as Refusal).params.missing).toBe('SMTP_URL, MAIL_FROM, PUBLIC_URL');
    expect((await prisma.transmittal.findUniqueOrThrow({ where: { id } })).state).toBe('DRAFT');
  });

  it('refuses a draft without recipients, and one whose stored file no longer matches its hash', async () => {
    const { revision } = await aRevision('Memoria de cálculo');
    const empty = await aDraft('Sin destinatarios', [revision.id], []);
    const noOne = await act(sara.client, 'Transmittal', empty, 'sendTransmittal');
    expect(noOne.body.notice).toMatchObject({ type: 'error', message: 'transmittalRefused_noRecipients' });
    const stored = await prisma.documentRevision.findUniqueOrThrow({ where: { id: revision.id } });
    await office.storage.put(stored.fileKey, aPdf('Otro contenido'));
    const tampered = await aDraft('Archivo cambiado', [revision.id], [{ userId: ines.userId }]);
    const refused = await act(sara.client, 'Transmittal', tampered, 'sendTransmittal');
    expect(refused.body.notice).toMatchObject({ type: 'error', message: 'transmittalRefused_storedFileChanged' });
    expect((await prisma.transmittal.findUniqueOrThrow({ where: { id: tampered } })).state).toBe('DRAFT');
    expect(await prisma.transmittalRecipient.count({ where: { transmittalId: tampered, tokenHash: { not: null } } })).toBe(0);
  });
});

describe('overdue acknowledgements', () => {
  it('are told to the sender once per recipient, however many times the job runs', async () => {
    const { revision } = await aRevision('Especificación técnica');
    const late = await prisma.externalContact.create({ data: { name: 'Lucas Lento', email: 'lucas@lento.test', company: 'Obras Lentas' } });
    const id = await aDraft('Especificación para construcción', [revision.id], [{ contactId: late.id }, { userId: ines.userId }]);
    expect((await act(sara.client, 'Transmittal', id, 'sendTransmittal')).body.notice?.type).toBe('success');
    await prisma.transmittal.update({ where: { id }, data: { acknowledgeBy: new Date('2026-01-10T00:00:00Z') } });
    const first = await notifyOverdueAcknowledgements(prisma, 'America/Tegucigalpa');
    expect(first.told).toBeGreaterThanOrEqual(2);
    const second = await notifyOverdueAcknowledgements(prisma, 'America/Tegucigalpa');
    expect(second.told).toBe(0);
    const told = await prisma.notification.findMany({ where: { kind: 'transmittal-acknowledgement-overdue', recordId: id } });
    expect(told).toHaveLength(2);
    expect(told.every((n) => n.userId === sara.userId)).toBe(true);
    expect(JSON.stringify(told.map((n) => n.values))).toContain('Lucas Lento, Obras Lentas');
  });
});
