// The readings intake API (issue 25) over real HTTP: a SCADA sends batches with its own token; refusals of
// missing, bad, revoked and wrong-scope tokens; a batch sent twice stores nothing twice; good rows are kept
// beside a per-row list of bad ones; plant time and UTC; JSON and CSV; an excursion opens the same
// condition request as a reading typed in; the change history names the system; a session cookie alone
// reaches nothing; the OpenAPI description is valid.
import { Validator } from '@seriousme/openapi-schema-validator';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAbilitiesFor } from '../domain/access/abilities.js';
import { createIntegrationToken, revokeIntegrationToken } from '../domain/readings-intake/integration-tokens.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { HttpClient } from './support/http-client.js';
import { aPerson } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let adminId: number;
const administrator = () => defineAbilitiesFor({ userId: adminId, groups: ['ADMINISTRATORS'], technicianId: null, sharedOrderIds: [], canReadHistory: true, approvalLimit: null, sitePaths: [] });

beforeAll(async () => {
  office = await startTestBackOffice(); // APP_TIMEZONE: America/Tegucigalpa (UTC−6)
  prisma = office.database.prisma;
  adminId = (await prisma.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } })).id;
});
afterAll(() => office?.close());

let n = 0;
const aToken = async (scope: 'readings' | 'points:read' = 'readings', name = `SCADA ${++n}`) =>
  (await createIntegrationToken(prisma, administrator(), adminId, { name, scope })).token;
async function aPoint(data: { min?: number; max?: number } = {}) {
  const asset = await make.anAsset(prisma);
  return prisma.measurementPoint.create({
    data: { code: `SC-${++n}`, assetId: asset.id, variable: 'Temperatura', unit: '°C', minValue: data.min ?? null, maxValue: data.max ?? null },
  });
}
const post = (token: string | null, body: string, type = 'application/json', extra: Record<string, string> = {}) =>
  fetch(`${office.url}/api/v1/readings`, {
    method: 'POST',
    headers: { 'content-type': type, ...(token && { authorization: `Bearer ${token}` }), ...extra },
    body,
  });
type Outcome = { received: number; stored: number; alreadyStored: number; rejected: number; errors: { row: number; point: string | null; field: string; code: string; message: string }[]; error?: string; message?: string };
const readingsOf = (pointId: number) => prisma.reading.findMany({ where: { measurementPointId: pointId }, orderBy: { takenAt: 'asc' } });

describe('who may send readings', () => {
  it('refuses a request without a token, with an unknown one, a revoked one (401) and one of another scope (403), storing nothing', async () => {
    const point = await aPoint();
    const body = JSON.stringify({ readings: [{ point: point.code, takenAt: '2026-11-01T10:00:00Z', value: 1 }] });
    const missing = await post(null, body);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await missing.json()).toMatchObject({ error: 'apiTokenMissing', message: expect.stringContaining('Authorization: Bearer') });
    expect((await post('cmms_not-a-real-token-at-all-000000000000000000', body)).status).toBe(401);

    const token = await aToken();
    const revoked = await prisma.integrationToken.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await revokeIntegrationToken(prisma, administrator(), revoked.id);
    const afterRevoke = await post(token, body, 'application/json', { 'accept-language': 'en' });
    expect(afterRevoke.status).toBe(401);
    expect(await afterRevoke.json()).toMatchObject({ error: 'apiTokenInvalid', message: 'The token is not valid or was revoked: ask an administrator for a new token.' });

    const reader = await aToken('points:read');
    const wrongScope = await post(reader, body);
    expect(wrongScope.status).toBe(403);
    expect(await wrongScope.json()).toMatchObject({ error: 'apiTokenWrongScope', message: expect.stringContaining('«readings»') });
    expect(await readingsOf(point.id)).toHaveLength(0);
  });

  it('a signed-in administrator\'s session cookie and CSRF token alone reach nothing', async () => {
    const point = await aPoint();
    const browser = new HttpClient(office.url);
    await browser.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const response = await browser.request('/api/v1/readings', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ readings: [{ point: point.code, takenAt: '2026-11-01T10:00:00Z', value: 1 }] }),
    });
    expect(response.status).toBe(401);
    expect(await readingsOf(point.id)).toHaveLength(0);
  });

  it('a points token lists the points in pages by code', async () => {
    const token = await aToken('points:read');
    await aPoint();
    await aPoint();
    const first = await (await fetch(`${office.url}/api/v1/points?limit=1`, { headers: { authorization: `Bearer ${token}` } })).json() as { points: { code: string }[]; next: string };
    expect(first.points).toHaveLength(1);
    const second = await (await fetch(`${office.url}/api/v1/points?limit=1&after=${encodeURIComponent(first.next)}`, { headers: { authorization: `Bearer ${token}` } })).json() as { points: { code: string }[] };
    expect(second.points[0]!.code > first.points[0]!.code).toBe(true);
  });
});

describe('a batch of readings', () => {
  it('stores good rows, lists bad ones by row, point and reason, and a second post of the same batch stores nothing again', async () => {
    const token = await aToken();
    const point = await aPoint();
    const batch = JSON.stringify({
      readings: [
        { point: point.code, takenAt: '2026-11-02T08:00:00-06:00', value: 50 },
        { point: 'NO-EXISTE', takenAt: '2026-11-02T08:00:00-06:00', value: 1 },
        { point: point.code, takenAt: '2026-02-30T08:00:00', value: 1 },
        { point: point.code, takenAt: '2026-11-02T09:00:00-06:00', value: 'mucho' },
        { point: point.code, takenAt: '2026-11-02T10:00:00-06:00', value: '51.25' },
        { takenAt: '2026-11-02T10:00:00-06:00', value: 3 },
      ],
    });
    const first = await post(token, batch);
    expect(first.status).toBe(200);
    const outcome = (await first.json()) as Outcome;
    expect(outcome).toMatchObject({ received: 6, stored: 2, alreadyStored: 0, rejected: 4 });
    expect(outcome.errors.map((e) => [e.row, e.point, e.field, e.code])).toEqual([
      [2, 'NO-EXISTE', 'point', 'unknownPoint'],
      [3, point.code, 'takenAt', 'takenAtInvalid'],
      [4, point.code, 'value', 'valueInvalid'],
      [6, null, 'point', 'pointMissing'],
    ]);
    expect(outcome.errors[0]!.message).toBe('No existe ningún punto de medición con el código «NO-EXISTE»: corrija el código o pida que se cree el punto.');
    expect((await readingsOf(point.id)).map((r) => [r.takenAt.toISOString(), r.value.toString(), r.source])).toEqual([
      ['2026-11-02T14:00:00.000Z', '50', 'SCADA'],
      ['2026-11-02T16:00:00.000Z', '51.25', 'SCADA'],
    ]);

    const again = (await (await post(token, batch)).json()) as Outcome;
    expect(again).toMatchObject({ received: 6, stored: 0, alreadyStored: 2, rejected: 4 });
    expect(await readingsOf(point.id)).toHaveLength(2);
  });

  it('reads a moment without offset as plant time and one with an offset as that instant, in CSV as in JSON', async () => {
    const token = await aToken();
    const point = await aPoint();
    const csv = `point,takenAt,value\n${point.code},2026-11-03 07:30,10\n${point.code},2026-11-03T07:30:00Z,11\n${point.code},2026-11-03T07:30:00+01:00,12\n`;
    const response = await post(token, csv, 'text/csv');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: 3, stored: 3, rejected: 0 });
    expect((await readingsOf(point.id)).map((r) => [r.takenAt.toISOString(), Number(r.value)])).toEqual([
      ['2026-11-03T06:30:00.000Z', 12],
      ['2026-11-03T07:30:00.000Z', 11],
      ['2026-11-03T13:30:00.000Z', 10], // 07:30 in Tegucigalpa
    ]);
    // The same instant written the other way is the same reading: already stored.
    const sameInstant = await post(token, JSON.stringify({ readings: [{ point: point.code, takenAt: '2026-11-03T13:30:00Z', value: 99 }] }));
    expect(await sameInstant.json()).toMatchObject({ stored: 0, alreadyStored: 1 });
  });

  it('a CSV row error gives its row number counted from the first line after the header', async () => {
    const token = await aToken();
    const point = await aPoint();
    const response = await post(token, `point,taken_at,value\n${point.code},2026-11-04T00:00:00Z,1\n${point.code},ayer,2\n`, 'text/csv');
    expect(await response.json()).toMatchObject({ stored: 1, errors: [{ row: 2, point: point.code, field: 'takenAt', code: 'takenAtInvalid' }] });
  });

  it('answers 422 when no row is good, and refuses whole what cannot be a batch: not JSON, no list, too many rows, too large, another type', async () => {
    const token = await aToken();
    const none = await post(token, JSON.stringify({ readings: [{ point: 'X', takenAt: 'hoy', value: 1 }] }));
    expect(none.status).toBe(422);
    expect(await none.json()).toMatchObject({ error: 'noReadingStored', rejected: 1 });
    expect((await post(token, '{"readings": [')).status).toBe(400);
    expect(await (await post(token, '{"lecturas": []}')).json()).toMatchObject({ error: 'bodyNotReadings' });
    const tooMany = await post(token, JSON.stringify({ readings: Array.from({ length: 10_001 }, (_, i) => ({ point: 'P', takenAt: '2026-11-01T00:00:00Z', value: i })) }));
    expect(tooMany.status).toBe(413);
    expect(await tooMany.json()).toMatchObject({ error: 'tooManyReadings' });
    const huge = await post(token, JSON.stringify({ readings: [{ point: 'P', takenAt: '2026-11-01T00:00:00Z', value: 1, note: 'x'.repeat(5 * 1024 * 1024) }] }));
    expect(huge.status).toBe(413);
    expect((await post(token, 'point=1', 'application/x-www-form-urlencoded')).status).toBe(415);
  });

  it('hostile rows (any JSON value in any field) are listed as errors, never a failure of the server', async () => {
    const token = await aToken();
    const point = await aPoint();
    const hostile = fc.sample(fc.record({ point: fc.oneof(fc.constant(point.code), fc.anything()), takenAt: fc.oneof(fc.constant('2026-11-06T00:00:00Z'), fc.anything(), fc.string()), value: fc.anything() }, { requiredKeys: [] }), { seed: 25, numRuns: 300 });
    const response = await post(token, JSON.stringify({ readings: hostile }));
    expect([200, 422]).toContain(response.status);
    const outcome = (await response.json()) as Outcome;
    expect(outcome.received).toBe(300);
    expect(outcome.stored + outcome.alreadyStored + outcome.rejected).toBe(300);
    for (const body of ['[]', 'null', '{"readings": {"0": 1}}', '{"readings": "x"}', `{"readings": [${'['.repeat(5000)}`]) expect([400, 413]).toContain((await post(token, body)).status);
    expect((await fetch(`${office.url}/health`)).status).toBe(200);
  });

  it('10 000 readings in one request are stored', async () => {
    const token = await aToken();
    const point = await aPoint();
    const start = Date.UTC(2026, 9, 1);
    const readings = Array.from({ length: 10_000 }, (_, i) => ({ point: point.code, takenAt: new Date(start + i * 60_000).toISOString(), value: i }));
    const response = await post(token, JSON.stringify({ readings }));
    expect(await response.json()).toMatchObject({ received: 10_000, stored: 10_000, rejected: 0 });
  });
});

describe('what a batch sets off', () => {
  it('an excursion opens one condition request, as a reading typed in would, and the history names the system', async () => {
    const token = await aToken('readings', 'SCADA Planta Norte');
    const point = await aPoint({ min: 20, max: 80 });
    const response = await post(token, JSON.stringify({
      readings: [
        { point: point.code, takenAt: '2026-11-05T08:00:00-06:00', value: 50 },
        { point: point.code, takenAt: '2026-11-05T09:00:00-06:00', value: 85 },
        { point: point.code, takenAt: '2026-11-05T10:00:00-06:00', value: 90 },
      ],
    }));
    expect(response.status).toBe(200);
    const requests = await prisma.workRequest.findMany({ where: { measurementPointId: point.id } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ source: 'CONDITION', state: 'OPEN', assetId: point.assetId });
    expect(requests[0]!.description).toContain('85 °C el 05/11/2026 15:00 UTC');

    const ids = (await readingsOf(point.id)).map((r) => r.id);
    const { rows } = await office.database.pool.query<{ actor_label: string; action: string }>(
      `SELECT actor_label, action FROM change_history_entries WHERE table_name = 'readings' AND record_id = ANY($1::int[])`, [ids]);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => `${r.action} ${r.actor_label}`))).toEqual(new Set(['INSERT integration:SCADA Planta Norte']));
  });

  it('too many requests from one token are slowed with 429 and Retry-After', async () => {
    const token = await aToken();
    const statuses: number[] = [];
    for (let i = 0; i < 125; i++) statuses.push((await post(token, '{"readings": []}')).status);
    expect(statuses.slice(0, 120).every((s) => s === 400)).toBe(true);
    const last = await post(token, '{"readings": []}');
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('tokens in the back office', () => {
  it('an administrator creates one (shown once, kept as its hash) and revokes it; the history records both without the hash; a supervisor may do neither', async () => {
    const admin = new HttpClient(office.url);
    await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const created = await admin.json<{ token: string; name: string }>('/admin/api/resources/IntegrationToken/actions/createToken', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Historiador PI', scope: 'readings' }),
    });
    expect(created.status).toBe(200);
    expect(created.body.token).toMatch(/^cmms_[A-Za-z0-9_-]{43}$/);
    const row = await prisma.integrationToken.findUniqueOrThrow({ where: { name: 'Historiador PI' } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(created.body.token);
    const shown = await admin.json<{ record: { params: Record<string, unknown> } }>(`/admin/api/resources/IntegrationToken/records/${row.id}/show`);
    expect(JSON.stringify(shown.body)).not.toContain(row.tokenHash);
    expect(JSON.stringify(shown.body)).not.toContain(created.body.token);

    const twice = await admin.json<{ errors: Record<string, { message: string }> }>('/admin/api/resources/IntegrationToken/actions/createToken', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Historiador PI', scope: 'readings' }),
    });
    expect(twice.body.errors.name!.message).toBe('Ya hay un token para «Historiador PI»: revóquelo o use otro nombre.');

    const supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sergio Supervisor');
    expect((await supervisor.client.request('/admin/api/resources/IntegrationToken/actions/createToken', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Mío"}' })).status).toBe(403);
    expect((await supervisor.client.request(`/admin/api/resources/IntegrationToken/records/${row.id}/revokeToken`, { method: 'POST' })).status).toBe(403);

    const revoked = await admin.request(`/admin/api/resources/IntegrationToken/records/${row.id}/revokeToken`, { method: 'POST' });
    expect(revoked.status).toBe(200);
    expect((await prisma.integrationToken.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).not.toBeNull();
    expect((await post(created.body.token, '{"readings": [{"point": "X", "takenAt": "2026-11-01T00:00:00Z", "value": 1}]}')).status).toBe(401);

    const { rows } = await office.database.pool.query<{ action: string; actor_label: string; changes: unknown }>(
      `SELECT action, actor_label, changes FROM change_history_entries WHERE table_name = 'integration_tokens' AND record_id = $1 ORDER BY id`, [row.id]);
    expect(rows.map((r) => [r.action, r.actor_label])).toEqual([['INSERT', `user:${TEST_ADMIN.email}`], ['UPDATE', `user:${TEST_ADMIN.email}`]]);
    expect(JSON.stringify(rows)).not.toContain(row.tokenHash);
  });
});

describe('the OpenAPI description', () => {
  it('is served at /api/v1/openapi.json without a token and is a valid OpenAPI 3.1 document naming the readings endpoint', async () => {
    const response = await fetch(`${office.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const spec = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>; components: { schemas: Record<string, unknown> } };
    const validator = new Validator();
    const result = await validator.validate(spec);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(Object.keys(spec.paths['/readings']!)).toEqual(['post']);
    expect(Object.keys(spec.paths['/readings']!.post!.requestBody!.content)).toEqual(['application/json', 'text/csv']);
    expect(Object.keys(spec.components.schemas)).toEqual(expect.arrayContaining(['ReadingBatch', 'IntakeOutcome', 'RowError']));
  });
});
