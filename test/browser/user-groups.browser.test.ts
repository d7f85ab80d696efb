// An administrator keeps a person's groups from the person's page: listed there, added with the person
// filled in, removed; the change ends that person's sessions (database trigger), and nobody changes his own.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_ADMIN } from '../support/back-office.js';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import { aPerson } from '../support/people.js';

const started = browserAndBackOffice();

describe("a user's groups on his page", () => {
  it('an administrator adds a group with the person filled in, and removes it; the person must sign in again', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const person = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Teresa Torres', { technician: true });
    const page = await started.browser().newPage({ viewport: { width: 1280, height: 900 } });
    await signInThroughForm(page, office.url, TEST_ADMIN.email, TEST_ADMIN.password);

    await page.goto(`${office.url}/admin/resources/User/records/${person.userId}/show`);
    const groups = page.getByTestId('related-memberships');
    await groups.getByText('Técnicos').waitFor({ timeout: 15_000 });
    expect(await groups.innerText()).toContain('Grupos (1)');
    // The picker offers the groups he is not in yet, by name.
    const picker = groups.locator('select[name=group]');
    const options = await picker.locator('option').allInnerTexts();
    expect(options).toEqual(['— Elegir —', 'Administradores', 'Consultores', 'Operadores', 'Supervisores']);
    await picker.selectOption({ label: 'Supervisores' });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'user-groups-add.png'), fullPage: true });
    await groups.getByRole('button', { name: 'Añadir grupo' }).click();
    await groups.getByText('Grupos (2)').waitFor({ timeout: 15_000 });
    expect(await groups.locator('tbody').innerText()).toMatch(/Supervisores/);
    const memberships = await prisma.userGroup.findMany({ where: { userId: person.userId }, include: { group: true }, orderBy: { id: 'asc' } });
    expect(memberships.map((m) => m.group.code)).toEqual(['TECHNICIANS', 'SUPERVISORS']);
    // His sessions ended with the change (he signs in again to carry the new rights); the administrator's did not.
    expect((await person.client.request('/admin/api/resources/WorkOrder/actions/list')).status).toBe(401);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'user-groups-added.png'), fullPage: true });

    // Removed from the same table, after a confirmation.
    page.once('dialog', (dialog) => void dialog.accept());
    await groups.getByTestId(`related-remove-${memberships[1]!.id}`).click();
    await groups.getByText('Grupos (1)').waitFor({ timeout: 15_000 });
    expect(await prisma.userGroup.count({ where: { userId: person.userId } })).toBe(1);
    expect(await groups.locator('tbody').innerText()).not.toContain('Supervisores');

    // On his own page an administrator is offered no way to change his own groups.
    const self = await prisma.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } });
    await page.goto(`${office.url}/admin/resources/User/records/${self.id}/show`);
    const own = page.getByTestId('related-memberships');
    await own.getByText('Administradores').waitFor({ timeout: 15_000 });
    expect(await own.locator('[data-testid^=related-remove-]').count()).toBe(0);
    await page.close();
  }, 180_000); // a browser journey on a shared two-core machine
});
