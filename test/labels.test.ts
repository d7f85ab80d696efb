// QR labels: the asset list's filters choose the assets, each label's QR decodes (from the rendered page,
// as a phone sees it) to that asset's portal address, and printing gives assets without one their link.
import type { Browser } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL_FORMATS, type LabelFormat } from '../domain/printables/label-formats.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import { launchBrowser } from './support/browser.js';
import * as make from './support/factories.js';
import { decodeQrRegions, type Region } from './support/pdf-qr.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let browser: Browser;
let supervisor: Person;
let technician: Person;
let consultant: Person;
let pumps: { id: number };
let boilers: { id: number };

beforeAll(async () => {
  [office, browser] = await Promise.all([startTestBackOffice(), launchBrowser()]);
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Silvia Supervisora');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tino Técnico', { technician: true });
  consultant = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carlos Consultor');
  const plant = await make.aLocation(prisma, { name: 'Planta Cañaveral' });
  pumps = await make.aLocation(prisma, { name: 'Sala de bombas', parentId: plant.id });
  boilers = await make.aLocation(prisma, { name: 'Calderas', parentId: plant.id });
  const category = await make.aCategory(prisma, 'Bombas');
  for (let n = 1; n <= 16; n++) await make.anAsset(prisma, { locationId: pumps.id, categoryId: category.id, code: `BOM-${String(n).padStart(3, '0')}`, description: `Bomba de condensado Nº ${n}` });
  await make.anAsset(prisma, { locationId: boilers.id, categoryId: category.id, code: 'CAL-001', description: 'Caldera acuotubular' });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await office?.close();
});

/** Where each label's QR square lies, label by label, page by page. */
function qrRegions(format: LabelFormat, count: number): Region[] {
  const perPage = format.columns * format.rows;
  return Array.from({ length: count }, (_, i) => {
    const slot = i % perPage;
    return {
      page: Math.floor(i / perPage) + 1,
      x: format.left + (slot % format.columns) * format.pitchX,
      y: format.top + Math.floor(slot / format.columns) * format.pitchY,
      width: format.height,
      height: format.height,
    };
  });
}

const print = (person: Person, query: string) => person.client.request(`/admin/printables/labels.pdf?${query}`, { method: 'POST' });

describe('QR label sheet of a filtered asset list', () => {
  it('Avery L7163 (2 × 7): the pump room’s 16 assets over two pages, each QR decoding to its own portal address', async () => {
    const response = await print(supervisor, `filters.location=${pumps.id}&format=L7163`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    const proxy = await getDocumentProxy(new Uint8Array(pdf));
    expect(proxy.numPages).toBe(2);
    const { text } = await extractText(proxy, { mergePages: true });
    expect(text).toContain('BOM-001');
    expect(text).toContain('Bomba de condensado Nº 16');
    expect(text).toContain('Planta Cañaveral > Sala de bombas');
    expect(text).not.toContain('CAL-001');

    const links = await prisma.assetPortalLink.findMany({ include: { asset: { select: { code: true } } }, orderBy: { asset: { code: 'asc' } } });
    expect(links.map((l) => l.asset.code)).toEqual(Array.from({ length: 16 }, (_, i) => `BOM-${String(i + 1).padStart(3, '0')}`));
    const decoded = await decodeQrRegions(browser, pdf, qrRegions(LABEL_FORMATS.L7163!, 16));
    expect(decoded).toEqual(links.map((l) => `${office.url}/r/${l.token}`));
    // Each link was written as the supervisor's, in the change history.
    const history = await prisma.changeHistory.findMany({ where: { tableName: 'asset_portal_links', action: 'INSERT' } });
    expect(history).toHaveLength(16);
    expect(new Set(history.map((h) => h.actorUserId))).toEqual(new Set([supervisor.userId]));
  }, 120_000);

  it('printing again keeps the tokens; Letter 30-up and 3 × 8 decode too; a revoked link prints without a QR', async () => {
    const before = await prisma.assetPortalLink.findMany({ orderBy: { id: 'asc' } });
    await prisma.assetPortalLink.update({ where: { id: before[0]!.id }, data: { revokedAt: new Date() } });
    for (const code of ['5160', 'L7159'] as const) {
      const response = await print(supervisor, `filters.location=${pumps.id}&format=${code}`);
      const pdf = Buffer.from(await response.arrayBuffer());
      const decoded = await decodeQrRegions(browser, pdf, qrRegions(LABEL_FORMATS[code]!, 16));
      const byAsset = await prisma.assetPortalLink.findMany({ include: { asset: { select: { code: true } } }, orderBy: { asset: { code: 'asc' } } });
      expect(decoded).toEqual(byAsset.map((l) => (l.revokedAt ? null : `${office.url}/r/${l.token}`)));
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
      expect(text).toContain('Enlace QR revocado');
    }
    expect((await prisma.assetPortalLink.findMany({ orderBy: { id: 'asc' } })).map((l) => l.token)).toEqual(before.map((l) => l.token));
    await prisma.assetPortalLink.update({ where: { id: before[0]!.id }, data: { revokedAt: null } });
  }, 120_000);

  it('refusals: an unknown format or filter (400), an empty list (422), a technician (403), a consultant for assets without links (403)', async () => {
    const unknown = await print(supervisor, `filters.location=${pumps.id}&format=A0`);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { message: string }).message).toBe('"A0" no es un formato de etiqueta conocido: elija uno de la lista.');
    expect((await print(supervisor, 'filters.passwordHash=x')).status).toBe(400);
    const empty = await print(supervisor, 'filters.code=NO-EXISTE');
    expect(empty.status).toBe(422);
    expect((await print(technician, '')).status).toBe(403);
    expect((await print(consultant, `filters.location=${boilers.id}`)).status).toBe(403);
    expect(await prisma.assetPortalLink.count({ where: { asset: { code: 'CAL-001' } } })).toBe(0);
    // A consultant prints labels of assets that already have their links.
    expect((await print(consultant, `filters.location=${pumps.id}`)).status).toBe(200);
    // A GET is no print: it would write links.
    expect((await supervisor.client.request(`/admin/printables/labels.pdf?filters.location=${pumps.id}`)).status).toBe(404);
  });
});
