// The safety journey of issue 23 in a real Chromium: a supervisor requests a LOTO permit ticking its
// precautions, the safety officer approves it with his password, the technician locks, tags and verifies
// each point from his phone (390×844), the permit is activated and the order starts; the technician
// takes his locks off and completes the order; the officer closes the permit, signed.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD } from '../support/people.js';

const started = browserAndBackOffice();
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
const clickAction = (page: Page, label: string) => page.getByRole('button', { name: label }).or(page.getByRole('link', { name: label })).first().click();
const form = (fields: Record<string, string>) => {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return body;
};

describe('a LOTO permit in a real browser', () => {
  it('requested by the supervisor, approved signed, locked from the phone, order started and completed, locks off, closed signed', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
    const technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
    await prisma.group.update({ where: { code: 'CONSULTANTS' }, data: { canManageSafety: true } });
    const officer = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Olga Oficial de Seguridad');
    const loto = await prisma.permitKind.findUniqueOrThrow({ where: { code: 'ELECTRICAL_ISOLATION' } });

    const asset = await make.anAsset(prisma, { code: 'MOT-07', description: 'Motor de la bomba de alimentación' });
    await prisma.permitRequirement.create({ data: { permitKindId: loto.id, assetId: asset.id } });
    const schedule = await make.aSchedule(prisma, asset.id);
    const order = await prisma.workOrder.create({
      data: { kind: 'PREVENTIVE', scheduleId: schedule.id, assetId: asset.id, technicianId: technician.technicianId, state: 'ASSIGNED', plannedOn: new Date(), description: 'Cambiar contactor del motor' },
    });
    const points = [];
    for (const [code, where] of [['INT-07', 'CCM-2, celda 7'], ['SEC-07', 'Seccionador junto al motor']] as const)
      points.push(await prisma.isolationPoint.create({ data: { assetId: asset.id, code, type: code.startsWith('INT') ? 'BREAKER' : 'DISCONNECT', energyType: 'ELECTRICAL', locationDescription: where } }));
    // The supervisor drafts the permit and lists its points through the API (the forms are covered in test/work-permits.test.ts).
    const created = await supervisor.client.json<{ record: { params: { id: string } } }>('/admin/api/resources/WorkPermit/actions/new', {
      method: 'POST',
      body: form({ permitKind: String(loto.id), workOrder: String(order.id), description: 'Cambio del contactor del motor', validFrom: new Date(Date.now() - 3600_000).toISOString(), validUntil: new Date(Date.now() + 8 * 3600_000).toISOString(), crew: 'Tomás Técnico' }),
    });
    const permitId = Number(created.body.record.params.id);
    for (const point of points)
      await supervisor.client.json('/admin/api/resources/PermitIsolation/actions/new', { method: 'POST', body: form({ permit: String(permitId), isolationPoint: String(point.id) }) });
    const permitUrl = `${office.url}/admin/resources/WorkPermit/records/${permitId}/show`;

    // The supervisor requests it, ticking each precaution of the kind.
    const desk = await started.browser().newContext({ viewport: { width: 1400, height: 900 } });
    const boss = await desk.newPage();
    await signInThroughForm(boss, office.url, supervisor.email, PASSWORD);
    await boss.goto(permitUrl);
    await clickAction(boss, 'Solicitar permiso');
    const request = boss.getByTestId('permit-action-form');
    await request.getByText('Equipo de protección dieléctrico').waitFor({ timeout: 20_000 });
    for (const check of ['Equipo de protección dieléctrico', 'Puntos de aislamiento identificados', 'Personal informado del bloqueo']) await request.getByText(check).click();
    await shot(boss, 'safety-supervisor-requests-permit');
    await boss.getByTestId('submit-permit-action').click();
    await boss.getByText('Permiso solicitado.').waitFor({ timeout: 20_000 });
    expect((await prisma.workPermit.findUniqueOrThrow({ where: { id: permitId } })).state).toBe('REQUESTED');
    await desk.close();

    // The safety officer approves it: a wrong password is told beside the field; the right one signs.
    const office2 = await started.browser().newContext({ viewport: { width: 1400, height: 900 } });
    const safety = await office2.newPage();
    await signInThroughForm(safety, office.url, officer.email, PASSWORD);
    await safety.goto(permitUrl);
    await clickAction(safety, 'Aprobar (firmar)');
    const approve = safety.getByTestId('permit-action-form');
    await approve.locator('input[name=password]').waitFor({ timeout: 20_000 });
    await approve.locator('input[name=password]').fill('no-es-la-clave');
    await safety.getByTestId('submit-permit-action').click();
    await approve.getByTestId('error-password').waitFor({ timeout: 20_000 });
    expect(await approve.getByTestId('error-password').innerText()).toBe('Contraseña incorrecta. No se registró ninguna firma.');
    await approve.locator('input[name=password]').fill(PASSWORD);
    await safety.getByTestId('submit-permit-action').click();
    await safety.getByText('Permiso aprobado y firmado.').waitFor({ timeout: 20_000 });
    expect(await prisma.permitSignature.count({ where: { permitId, purpose: 'APPROVAL', signerId: officer.userId } })).toBe(1);

    // The technician, on his phone, locks and tags each point and verifies zero energy.
    const phone = await started.browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const tech = await phone.newPage();
    await signInThroughForm(tech, office.url, technician.email, PASSWORD);
    const isolations = await prisma.permitIsolation.findMany({ where: { permitId }, orderBy: { id: 'asc' } });
    for (const [i, isolation] of isolations.entries()) {
      await tech.goto(`${office.url}/admin/resources/PermitIsolation/records/${isolation.id}/show`);
      await clickAction(tech, 'Bloquear y etiquetar');
      const lock = tech.getByTestId('permit-action-form');
      await lock.locator('input[name=lockNumber]').waitFor({ timeout: 20_000 });
      await lock.locator('input[name=lockNumber]').fill(`C-${41 + i}`);
      if (i === 0) await shot(tech, 'safety-technician-locks-from-phone');
      await tech.getByTestId('submit-permit-action').click();
      await tech.getByText('Bloqueo registrado.').waitFor({ timeout: 20_000 });
      await clickAction(tech, 'Verificar energía cero');
      await tech.getByRole('button', { name: 'Confirmar' }).click();
      await tech.getByText('Energía cero verificada.').waitFor({ timeout: 20_000 });
      expect(await tech.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    expect(await prisma.permitIsolation.count({ where: { permitId, lockedById: technician.userId, verifiedById: technician.userId } })).toBe(2);
    await shot(tech, 'safety-technician-point-verified');

    // Activated, the order starts (from the technician's phone).
    await safety.goto(permitUrl);
    await clickAction(safety, 'Activar permiso');
    await safety.getByRole('button', { name: 'Confirmar' }).click();
    await safety.getByText('Permiso activo: la orden puede iniciarse.').waitFor({ timeout: 20_000 });
    const orderUrl = `${office.url}/admin/resources/WorkOrder/records/${order.id}/show`;
    await tech.goto(orderUrl);
    await clickAction(tech, 'Iniciar');
    await tech.getByText('Orden iniciada.').waitFor({ timeout: 20_000 });
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).state).toBe('IN_PROGRESS');

    // Work done: his locks come off, then he completes the order.
    for (const isolation of isolations) {
      await tech.goto(`${office.url}/admin/resources/PermitIsolation/records/${isolation.id}/show`);
      await clickAction(tech, 'Retirar bloqueo');
      await tech.getByRole('button', { name: 'Confirmar' }).click();
      await tech.getByText('Bloqueo retirado.').waitFor({ timeout: 20_000 });
    }
    await tech.goto(orderUrl);
    await clickAction(tech, 'Completar');
    const completion = tech.getByTestId('work-order-complete');
    await completion.locator('input[name=laborHours]').waitFor({ timeout: 20_000 });
    await completion.locator('input[name=laborHours]').fill('2');
    await tech.getByTestId('submit-work-order-form').click();
    await tech.getByText('Orden completada.').waitFor({ timeout: 20_000 });
    await phone.close();

    // The officer closes the permit, signed; its page shows both signatures.
    await safety.goto(permitUrl);
    await clickAction(safety, 'Cerrar permiso (firmar)');
    const close = safety.getByTestId('permit-action-form');
    await close.locator('input[name=password]').waitFor({ timeout: 20_000 });
    await close.locator('input[name=password]').fill(PASSWORD);
    await safety.getByTestId('submit-permit-action').click();
    await safety.getByText('Permiso cerrado y firmado.').waitFor({ timeout: 20_000 });
    await safety.goto(permitUrl);
    await safety.getByText('Cerrado').first().waitFor({ timeout: 20_000 });
    // The signatures are listed on the permit's page (loaded after it), by purpose and signer.
    await safety.getByText('Cierre', { exact: true }).first().waitFor({ timeout: 20_000 }).catch(() => shot(safety, 'safety-permit-closed-failed'));
    const page = await safety.locator('body').innerText();
    expect(page).toContain('Olga Oficial de Seguridad');
    expect(page).toContain('Aprobación');
    expect(page).toContain('Cierre');
    await shot(safety, 'safety-permit-closed');
    expect(await prisma.workPermit.findUniqueOrThrow({ where: { id: permitId } })).toMatchObject({ state: 'CLOSED', closedById: officer.userId });
    await office2.close();
  }, 360_000);
});
