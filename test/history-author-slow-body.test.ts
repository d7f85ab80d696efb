// A write whose request body arrives late (a slow phone connection, a busy server) is still recorded
// under the person who made it. The body parsers call on from the request stream's events; without
// binding, those ran outside the request's context and the history named "system:postgres" instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;

beforeAll(async () => {
  office = await startTestBackOffice({ jobs: [] });
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sonia Supervisora');
  await supervisor.client.request('/admin/api/resources/Asset/actions/list?perPage=1'); // the readable CSRF cookie
});
afterAll(() => office?.close());

/** A body sent in two parts, the second a moment after the headers, so the parser waits for it. */
function lateBody(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const half = Math.floor(bytes.length / 2);
  return new ReadableStream({
    async start(controller) {
      controller.enqueue(bytes.slice(0, half));
      await new Promise((resolve) => setTimeout(resolve, 400));
      controller.enqueue(bytes.slice(half));
      controller.close();
    },
  });
}

const authorsOf = async (table: string, id: number) =>
  (await office.database.pool.query<{ actor_label: string }>(`SELECT actor_label FROM change_history_entries WHERE table_name = $1 AND record_id = $2 AND action = 'UPDATE' ORDER BY id`, [table, String(id)])).rows.map((row) => row.actor_label);

describe('a write whose body arrives late', () => {
  it("through AdminJS's edit form (multipart), is recorded under the person", async () => {
    const asset = await make.anAsset(prisma, { description: 'Bomba lenta' });
    const boundary = 'limite-de-prueba';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nBomba de condensado lenta\r\n--${boundary}--\r\n`;
    const response = await supervisor.client.request(`/admin/api/resources/Asset/records/${asset.id}/edit`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: lateBody(body),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
    expect((await prisma.asset.findUniqueOrThrow({ where: { id: asset.id } })).description).toBe('Bomba de condensado lenta');
    expect(await authorsOf('assets', asset.id)).toEqual([`user:${supervisor.email}`]);
  });

  it('through a JSON route of ours (the language choice), is recorded under the person', async () => {
    const response = await supervisor.client.request('/admin/language', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: lateBody(JSON.stringify({ language: 'en' })),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBeLessThan(300);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: supervisor.userId } })).locale).toBe('en');
    expect(await authorsOf('users', supervisor.userId)).toEqual([`user:${supervisor.email}`]);
  });
});
