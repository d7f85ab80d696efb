// The QR request portal: a label's address opens a public page with the asset's name and location and a
// short form; a report becomes a PORTAL work request (photo attached) for the operators. The form needs
// its CSRF pair, reports are limited per IP and per asset, and the page reveals nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { HttpClient } from './support/http-client.js';
import { aPerson } from './support/people.js';

// A real 1 × 1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let office: TestBackOffice;
let prisma: Db;
let pump: { id: number; code: string };
let token: string;
let ipCounter = 10;
const freshIp = () => `203.0.113.${ipCounter++}`;

beforeAll(async () => {
  office = await startTestBackOffice({ env: { TRUST_PROXY: 'loopback' } });
  prisma = office.database.prisma;
  const plant = await make.aLocation(prisma, { name: 'Subestación Norte' });
  const room = await make.aLocation(prisma, { name: 'Patio de transformadores', parentId: plant.id });
  pump = await make.anAsset(prisma, { locationId: room.id, code: 'TRF-SECRETO-01', description: 'Transformador de potencia T1' });
  await make.anAsset(prisma, { locationId: room.id, code: 'TRF-02', description: 'Transformador vecino T2' });
  token = (await prisma.assetPortalLink.create({ data: { assetId: pump.id, token: 'tok_' + 'a'.repeat(40) } })).token;
});
afterAll(() => office?.close());

async function openForm(ip: string, path = `/r/${token}`) {
  const client = new HttpClient(office.url);
  const page = await client.request(path, { headers: { 'x-forwarded-for': ip } });
  const html = await page.text();
  return { client, page, html, csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '' };
}

function form(fields: Record<string, string>, photo?: { bytes: Buffer; name: string; type: string }) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  if (photo) body.append('photo', new Blob([new Uint8Array(photo.bytes)], { type: photo.type }), photo.name);
  return body;
}

const valid = { description: 'Ruido fuerte y olor a quemado en el transformador', name: 'Marta López', contact: '+504 9988-7766' };

describe('the public page of a label', () => {
  it('shows the asset’s name and location and the form, and nothing else of the plant', async () => {
    const { page, html, csrf } = await openForm(freshIp());
    expect(page.status).toBe(200);
    expect(html).toContain('Transformador de potencia T1');
    expect(html).toContain('Subestación Norte &#62; Patio de transformadores');
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    for (const hidden of ['TRF-SECRETO-01', 'TRF-02', 'Transformador vecino', `/${pump.id}`, '/admin', '<script']) expect(html).not.toContain(hidden);
    expect(page.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(page.headers.get('set-cookie')).toMatch(/portal_csrf=.*HttpOnly.*SameSite=Strict/i);
  });

  it('an unknown, malformed or revoked token answers the same 404 page', async () => {
    const unknown = await openForm(freshIp(), `/r/${'b'.repeat(43)}`);
    const malformed = await openForm(freshIp(), '/r/..%2Fadmin');
    const other = await prisma.assetPortalLink.create({ data: { assetId: (await make.anAsset(prisma)).id, token: 'tok_' + 'c'.repeat(40), revokedAt: new Date() } });
    const revoked = await openForm(freshIp(), `/r/${other.token}`);
    for (const answer of [unknown, malformed, revoked]) {
      expect(answer.page.status).toBe(404);
      expect(answer.html).toBe(unknown.html);
    }
    expect(revoked.html).toContain('Esta etiqueta ya no está activa.');
    // Posting to a revoked token files nothing.
    const posted = await revoked.client.request(`/r/${other.token}`, { method: 'POST', body: form({ ...valid, _csrf: 'x' }) });
    expect(posted.status).toBe(404);
  });
});

describe('filing a report', () => {
  it('becomes a PORTAL work request with the reporter’s name and contact and the photo attached, recorded as from the portal', async () => {
    const ip = freshIp();
    const { client, csrf } = await openForm(ip);
    const answer = await client.request(`/r/${token}`, { method: 'POST', headers: { 'x-forwarded-for': ip }, body: form({ ...valid, _csrf: csrf }, { bytes: PNG, name: 'fuga.png', type: 'image/png' }) });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('Gracias. Su reporte fue recibido');
    const request = await prisma.workRequest.findFirstOrThrow({ where: { assetId: pump.id }, include: { documents: { include: { revisions: true } } } });
    expect(request).toMatchObject({ source: 'PORTAL', state: 'OPEN', reportedById: null, reporterName: 'Marta López', reporterContact: '+504 9988-7766', description: valid.description });
    expect(request.documents).toHaveLength(1);
    expect(request.documents[0]).toMatchObject({ kind: 'PHOTO', title: 'fuga.png' });
    expect(request.documents[0]!.revisions[0]).toMatchObject({ contentType: 'image/png', size: PNG.length });
    const [entry] = await prisma.changeHistory.findMany({ where: { tableName: 'work_requests', recordId: request.id } });
    expect(entry).toMatchObject({ actorLabel: `portal:${ip}` });
  });

  it('without the CSRF pair nothing is filed (403), and the form comes back', async () => {
    const ip = freshIp();
    const { client } = await openForm(ip);
    const before = await prisma.workRequest.count();
    const forged = await client.request(`/r/${token}`, { method: 'POST', headers: { 'x-forwarded-for': ip }, body: form({ ...valid, _csrf: 'A'.repeat(43) }) });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('El formulario caducó');
    // Another visitor's token does not fit this visitor's cookie.
    const stranger = await openForm(freshIp());
    const borrowed = await client.request(`/r/${token}`, { method: 'POST', headers: { 'x-forwarded-for': ip }, body: form({ ...valid, _csrf: stranger.csrf }) });
    expect(borrowed.status).toBe(403);
    const noCookie = await fetch(new URL(`/r/${token}`, office.url), { method: 'POST', body: form({ ...valid, _csrf: stranger.csrf }) });
    expect(noCookie.status).toBe(403);
    expect(await prisma.workRequest.count()).toBe(before);
  });

  it('bad fields come back beside their field with what was typed; a photo that is no image or too large is refused', async () => {
    const ip = freshIp();
    const { client, csrf } = await openForm(ip);
    const bad = await client.request(`/r/${token}`, { method: 'POST', headers: { 'x-forwarded-for': ip }, body: form({ _csrf: csrf, description: 'x', name: 'Ana', contact: 'llámeme' }) });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Describa el problema');
    expect(html).toContain('Escriba un teléfono (al menos 7 dígitos) o un correo electrónico válido.');
    expect(html).toContain('value="Ana"');
    const pdf = await client.request(`/r/${token}`, { method: 'POST', headers: { 'x-forwarded-for': freshIp() }, body: form({ ...valid, _csrf: csrf }, { bytes: Buffer.from('%PDF-1.4\n%%EOF'), name: 'foto.png', type: 'image/png' }) });
    expect(pdf.status).toBe(422);
    const huge = await client.request(`/r/${token}`, { method: 'POST', headers: { 'x-forwarded-for': freshIp() }, body: form({ ...valid, _csrf: csrf }, { bytes: Buffer.alloc(9 * 1024 * 1024, 1), name: 'enorme.jpg', type: 'image/jpeg' }) });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('La foto pesa más de 8 MB');
    expect(await prisma.workRequest.count({ where: { description: { contains: 'quemado' } } })).toBe(1);
  });
});

describe('rate limits (counted in PostgreSQL)', () => {
  it('five reports an hour from one IP; a sixth is refused (429) while another IP still files', async () => {
    const ip = freshIp();
    const { client, csrf } = await openForm(ip);
    const post = (from: string) => client.request(`/r/${token}`, { method: 'POST', headers: { 'x-forwarded-for': from }, body: form({ ...valid, _csrf: csrf }) });
    for (let n = 0; n < 5; n++) expect((await post(ip)).status).toBe(200);
    const refused = await post(ip);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('Se recibieron demasiados reportes');
    expect((await post(freshIp())).status).toBe(200);
    const counters = await prisma.portalThrottle.findMany({ where: { key: { startsWith: 'portal-ip' } } });
    expect(counters.some((c) => c.key.endsWith(ip) && c.points === 5)).toBe(true);
  });

  it('twenty reports an hour on one asset, whatever the IPs', async () => {
    const { client, csrf } = await openForm(freshIp());
    const counted = await prisma.portalThrottle.findFirstOrThrow({ where: { key: `portal-asset:${pump.id}` } });
    for (let n = counted.points; n < 20; n++) expect((await client.request(`/r/${token}`, { method: 'POST', headers: { 'x-forwarded-for': freshIp() }, body: form({ ...valid, _csrf: csrf }) })).status).toBe(200);
    const refused = await client.request(`/r/${token}`, { method: 'POST', headers: { 'x-forwarded-for': freshIp() }, body: form({ ...valid, _csrf: csrf }) });
    expect(refused.status).toBe(429);
    // Every attempt that passed the CSRF check counts, refused fields included (they cost a try too).
    expect((await prisma.portalThrottle.findFirstOrThrow({ where: { key: `portal-asset:${pump.id}` } })).points).toBe(20);
    const filed = await prisma.workRequest.count({ where: { assetId: pump.id, source: 'PORTAL' } });
    expect((await client.request(`/r/${token}`, { method: 'POST', headers: { 'x-forwarded-for': freshIp() }, body: form({ ...valid, _csrf: csrf }) })).status).toBe(429);
    expect(await prisma.workRequest.count({ where: { assetId: pump.id, source: 'PORTAL' } })).toBe(filed);
  });
});

describe('an administrator revokes or replaces an asset’s QR link', () => {
  it('revoked, the label answers 404; a new link works and the old one stays dead; a supervisor may do neither', async () => {
    const admin = await aPerson(prisma, office.url, ['ADMINISTRATORS'], 'Aurora Admin');
    const supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Simón Supervisor');
    const asset = await make.anAsset(prisma, { description: 'Interruptor de potencia 52-1' });
    const old = await prisma.assetPortalLink.create({ data: { assetId: asset.id, token: 'tok_' + 'd'.repeat(40) } });
    const act = (person: typeof admin, action: string) => person.client.request(`/admin/api/resources/Asset/records/${asset.id}/${action}`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect((await act(supervisor, 'revokePortalLink')).status).toBe(403);
    expect((await act(admin, 'revokePortalLink')).status).toBe(200);
    expect((await openForm(freshIp(), `/r/${old.token}`)).page.status).toBe(404);
    expect((await act(admin, 'regeneratePortalLink')).status).toBe(200);
    const renewed = await prisma.assetPortalLink.findUniqueOrThrow({ where: { assetId: asset.id } });
    expect(renewed.token).not.toBe(old.token);
    expect(renewed.revokedAt).toBeNull();
    expect((await openForm(freshIp(), `/r/${old.token}`)).page.status).toBe(404);
    const fresh = await openForm(freshIp(), `/r/${renewed.token}`);
    expect(fresh.page.status).toBe(200);
    expect(fresh.html).toContain('Interruptor de potencia 52-1');
    const history = await prisma.changeHistory.findMany({ where: { tableName: 'asset_portal_links', recordId: renewed.id, action: 'UPDATE' } });
    expect(history.map((h) => h.actorUserId)).toEqual([admin.userId, admin.userId]);
  });
});
