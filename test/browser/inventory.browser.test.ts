// The storeroom and a work order end to end in a real browser, in Spanish: the storekeeper receives
// bearings into the central warehouse; the technician completes his order reporting the bearings he
// used; the supervisor closes it with the storeroom line the form proposes (after a refusal that says how
// many there are and where), the stock drops and the order's page shows what it cost.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD, type Person } from '../support/people.js';

const started = browserAndBackOffice();
let storekeeper: Person;
let technician: Person;
let supervisor: Person;
let orderId: number;
let levelId: number;
let failure: Record<'problemId' | 'causeId' | 'remedyId', number>;

beforeAll(async () => {
  const office = started.office();
  const prisma = office.database.prisma;
  // The storeroom: a group granted "gestionar almacén".
  await prisma.group.update({ where: { code: 'CONSULTANTS' }, data: { canManageStore: true } });
  storekeeper = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Berta Bodeguera');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true }); // 10.00 an hour
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  const bearing = await make.aMaterial(prisma, { code: 'ROD-6205', description: 'Rodamiento 6205', unit: 'u' });
  const central = await make.aWarehouse(prisma, { code: 'ALM-CEN', name: 'Almacén Central' });
  const bin = await prisma.bin.create({ data: { warehouseId: central.id, code: 'A-01' } });
  // Two left from an earlier delivery, at 6.50.
  await prisma.stockMovement.create({ data: { kind: 'RECEIPT', materialId: bearing.id, warehouseId: central.id, binId: bin.id, quantity: 2, unitCost: 6.5, movedById: storekeeper.userId } });
  levelId = (await prisma.stockLevel.findUniqueOrThrow({ where: { materialId_warehouseId: { materialId: bearing.id, warehouseId: central.id } } })).id;
  const asset = await make.anAsset(prisma, { description: 'Bomba de alimentación' });
  orderId = (
    await prisma.workOrder.create({
      data: { kind: 'CORRECTIVE', assetId: asset.id, technicianId: technician.technicianId, state: 'IN_PROGRESS', plannedOn: new Date('2026-11-27'), description: 'Ruido en el rodamiento de la bomba' },
    })
  ).id;
  const problem = await prisma.failureCode.create({ data: { code: 'RUIDO', name: 'Ruido', kind: 'PROBLEM' } });
  const cause = await prisma.failureCode.create({ data: { code: 'DESGASTE', name: 'Desgaste', kind: 'CAUSE', parentId: problem.id } });
  const remedy = await prisma.failureCode.create({ data: { code: 'CAMBIO-ROD', name: 'Cambio de rodamiento', kind: 'REMEDY', parentId: cause.id } });
  failure = { problemId: problem.id, causeId: cause.id, remedyId: remedy.id };
});

const clickAction = (page: Page, label: string) => page.getByRole('button', { name: label }).or(page.getByRole('link', { name: label })).first().click();
const shown = (page: Page, property: string) => page.getByTestId(`property-show-${property}`).innerText();

describe('the storeroom and a work order in a real browser', () => {
  it('material received, used on the order, consumed at closeout; the stock drops and the cost shows', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const levelUrl = `${office.url}/admin/resources/StockLevel/records/${levelId}/show`;
    const orderUrl = `${office.url}/admin/resources/WorkOrder/records/${orderId}/show`;

    // The storekeeper receives ten bearings at 7,00 against a delivery note.
    const asStorekeeper = await started.browser().newContext({ viewport: { width: 1400, height: 900 } });
    const store = await asStorekeeper.newPage();
    await signInThroughForm(store, office.url, storekeeper.email, PASSWORD);
    await store.goto(levelUrl);
    await clickAction(store, 'Recibir');
    const receipt = store.getByTestId('stock-receive');
    await receipt.getByText('ROD-6205 · Rodamiento 6205 en Almacén Central: en existencia 2 u, disponible 2 u.').waitFor({ timeout: 30_000 });
    await receipt.locator('input[name=quantity]').fill('10');
    await receipt.locator('input[name=unitCost]').fill('7,00');
    await receipt.locator('input[name=sourceDocument]').fill('Remisión 4471');
    await store.screenshot({ path: path.join(ARTIFACTS_DIR, 'inventory-receive-form.png'), fullPage: true });
    await store.getByTestId('submit-stock-form').click();
    await store.getByText('Entrada registrada.').waitFor({ timeout: 30_000 });
    await store.getByTestId('property-show-onHand').waitFor({ timeout: 30_000 });
    expect(await shown(store, 'onHand')).toContain('12');
    await store.screenshot({ path: path.join(ARTIFACTS_DIR, 'inventory-received.png'), fullPage: true });
    await asStorekeeper.close();

    // The technician completes his order from its page, reporting the three bearings he fitted.
    const asTechnician = await started.browser().newContext({ viewport: { width: 1400, height: 900 } });
    const tech = await asTechnician.newPage();
    await signInThroughForm(tech, office.url, technician.email, PASSWORD);
    await tech.goto(orderUrl);
    await clickAction(tech, 'Completar');
    const completion = tech.getByTestId('work-order-complete');
    await completion.locator('input[name=laborHours]').fill('2');
    await completion.locator('select[name=problemId]').selectOption(String(failure.problemId));
    await completion.locator('select[name=causeId]').selectOption(String(failure.causeId));
    await completion.locator('select[name=remedyId]').selectOption(String(failure.remedyId));
    await tech.getByTestId('add-material').click();
    await completion.locator('input[name=material-0-description]').fill('ROD-6205');
    await completion.locator('input[name=material-0-quantity]').fill('3');
    await completion.locator('input[name=material-0-unit]').fill('u');
    await tech.getByTestId('submit-work-order-form').click();
    await tech.getByText('Orden completada.').waitFor({ timeout: 30_000 });
    await asTechnician.close();

    // The supervisor's closeout proposes the storeroom line from the technician's report.
    const asSupervisor = await started.browser().newContext({ viewport: { width: 1400, height: 900 } });
    const boss = await asSupervisor.newPage();
    await signInThroughForm(boss, office.url, supervisor.email, PASSWORD);
    await boss.goto(orderUrl);
    await clickAction(boss, 'Cerrar orden');
    const closeout = boss.getByTestId('work-order-close');
    const line = closeout.getByTestId('stock-line-0');
    await line.waitFor({ timeout: 30_000 });
    expect(await line.innerText()).toMatch(/ROD-6205 · Rodamiento 6205\s+informado por el técnico\s+Almacén Central · A-01\s+0 u\s+0 u/);
    expect(await line.locator('input[name=stock-0-used]').inputValue()).toBe('3');
    // What he reported as a storeroom material is not repeated as free text.
    expect(await closeout.locator('input[name=material-0-description]').count()).toBe(0);

    // Twenty is more than the warehouse holds: refused beside the line, saying how many there are and where.
    await line.locator('input[name=stock-0-used]').fill('20');
    await boss.getByTestId('submit-work-order-form').click();
    await closeout.getByTestId('error-stock.0.used').waitFor({ timeout: 30_000 });
    expect(await closeout.getByTestId('error-stock.0.used').innerText()).toBe(
      'Línea 1, ROD-6205 · Rodamiento 6205: solo hay 12 u disponibles en Almacén Central para entregar a la orden (ya tiene 0 u; se indicaron 20 u usados). Corrija la cantidad o registre una entrada de material antes de cerrar.',
    );
    await line.scrollIntoViewIfNeeded();
    await boss.screenshot({ path: path.join(ARTIFACTS_DIR, 'inventory-closeout-refused.png') });
    expect(await prisma.stockMovement.count({ where: { workOrderId: orderId } })).toBe(0);

    await line.locator('input[name=stock-0-used]').fill('3');
    await boss.getByTestId('submit-work-order-form').click();
    await boss.getByText('Orden cerrada.').waitFor({ timeout: 30_000 });

    // The order's page: 2 h × 10,00 = 20,00; 3 bearings at the average (2 × 6,50 + 10 × 7,00) / 12 = 6,9167 → 20,75.
    const cost = boss.getByTestId('work-order-cost');
    await cost.waitFor({ timeout: 30_000 });
    expect(await cost.getByTestId('work-order-cost-labor').innerText()).toMatch(/Mano de obra \(2 h × costo por hora del técnico\)\s+20,00/);
    expect(await cost.getByTestId('work-order-cost-materials').innerText()).toMatch(/Materiales del almacén .*\s+20,75/);
    expect(await cost.getByTestId('work-order-cost-total').innerText()).toMatch(/Total\s+40,75/);
    // The back office scrolls inside its own box: the cost is brought into view for the picture.
    await cost.scrollIntoViewIfNeeded();
    await boss.screenshot({ path: path.join(ARTIFACTS_DIR, 'inventory-order-cost.png') });

    // The stock dropped by what was used.
    await boss.goto(levelUrl);
    await boss.getByTestId('property-show-onHand').waitFor({ timeout: 30_000 });
    expect(await shown(boss, 'onHand')).toContain('9');
    expect(await shown(boss, 'available')).toContain('9');
    await boss.screenshot({ path: path.join(ARTIFACTS_DIR, 'inventory-stock-after-closeout.png'), fullPage: true });
    await asSupervisor.close();
  }, 240_000); // three people's journey on a shared two-core machine

  it('the storekeeper counts the warehouse: a wrong quantity is refused beside its line, the count then moves the stock', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const warehouse = await prisma.warehouse.findUniqueOrThrow({ where: { code: 'ALM-CEN' } });
    const asStorekeeper = await started.browser().newContext({ viewport: { width: 1400, height: 900 } });
    const store = await asStorekeeper.newPage();
    await signInThroughForm(store, office.url, storekeeper.email, PASSWORD);
    await store.goto(`${office.url}/admin/resources/Warehouse/records/${warehouse.id}/show`);
    await clickAction(store, 'Conteo físico');
    const sheet = store.getByTestId('count-sheet');
    const line = sheet.getByTestId('count-line-0');
    await line.waitFor({ timeout: 30_000 });
    expect(await line.innerText()).toMatch(/A-01\s+ROD-6205\s+Rodamiento 6205\s+u/);
    await line.locator('input[name=counted-0]').fill('nueve');
    await store.getByTestId('submit-count-sheet').click();
    await sheet.getByTestId('error-lines.0.counted').waitFor({ timeout: 30_000 });
    expect(await sheet.getByTestId('error-lines.0.counted').innerText()).toBe('Cantidad contada: indique cero o más, con hasta tres decimales (recibido: «nueve»).');
    expect(await prisma.stockMovement.count({ where: { kind: 'COUNT' } })).toBe(0);

    await line.locator('input[name=counted-0]').fill('8');
    await sheet.locator('input[name=sourceDocument]').fill('Conteo noviembre');
    await store.getByTestId('submit-count-sheet').click();
    await store.getByText('Conteo registrado: cada diferencia quedó como movimiento de conteo.').waitFor({ timeout: 30_000 });
    await store.goto(`${office.url}/admin/resources/StockLevel/records/${levelId}/show`);
    await store.getByTestId('property-show-onHand').waitFor({ timeout: 30_000 });
    expect(await shown(store, 'onHand')).toContain('8');
    await store.screenshot({ path: path.join(ARTIFACTS_DIR, 'inventory-after-count.png'), fullPage: true });
    await asStorekeeper.close();
  }, 120_000);
});
