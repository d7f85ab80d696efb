// Every list and show page of the back office, walked over HTTP as an administrator on a small demo
// plant: a reference must be shown by its name (never the bare id), a record must be titled by a name,
// and every closed value must have its label in Spanish and in English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../admin/locales/en.js';
import { es } from '../admin/locales/es.js';
import { seedDemoPlant } from '../prisma/seed/demo.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';

type Property = { path: string; type: string; reference: string | null; availableValues: { value: string }[] | null };
type ResourceJson = { id: string; listProperties: Property[]; showProperties: Property[] };
type RecordJson = { id: string; title: string; params: Record<string, unknown>; populated: Record<string, { title: string } | undefined> };

let office: TestBackOffice;
let admin: HttpClient;
let resources: ResourceJson[];

beforeAll(async () => {
  office = await startTestBackOffice();
  await seedDemoPlant(office.database.pool, { assets: 200, orders: 400, seed: 3, asOf: new Date('2026-06-15T15:00:00Z') });
  admin = new HttpClient(office.url);
  await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  // What the browser is given to draw the pages: every resource with its list and show properties.
  const page = await (await admin.request('/admin')).text();
  const state = /window\.REDUX_STATE = (\{.*?\});\n/s.exec(page)?.[1];
  resources = (JSON.parse(state!) as { resources: ResourceJson[] }).resources;
}, 120_000);
afterAll(() => office?.close());

const bareId = (text: unknown) => /^#?\d+$/.test(String(text ?? '').trim());

type Labels = Record<string, Record<string, Record<string, string>>>;
function label(locale: typeof es | typeof en, resource: string, path: string, value: string): string | undefined {
  const own = ((locale.resources as Record<string, { labels?: Labels[string] }>)[resource]?.labels ?? {})[path]?.[value];
  const shared = ((locale.labels as unknown as Record<string, Record<string, string>>)[path] ?? {})[value];
  return own ?? shared;
}

/** What reads like the database on one page of records: "Resource.property = value" lines. */
function rawValues(resource: ResourceJson, records: RecordJson[], properties: Property[]): string[] {
  const found: string[] = [];
  for (const record of records) {
    if (bareId(record.title)) found.push(`${resource.id}#${record.id} titled "${record.title}"`);
    for (const property of properties) {
      const value = record.params[property.path];
      if (value === null || value === undefined || value === '') continue;
      if (property.reference) {
        const title = record.populated?.[property.path]?.title;
        if (title === undefined || bareId(title) || title === String(value)) found.push(`${resource.id}.${property.path} = ${String(value)} (no name)`);
      }
      if (property.availableValues?.length)
        for (const locale of [es, en])
          if (!label(locale, resource.id, property.path, String(value))) found.push(`${resource.id}.${property.path} = ${String(value)} (no ${locale === es ? 'Spanish' : 'English'} label)`);
    }
  }
  return found;
}

describe('every page reads like the plant, not like the database', () => {
  it('lists name their references and label their closed values', async () => {
    const problems: string[] = [];
    let walked = 0;
    for (const resource of resources) {
      const listed = await admin.json<{ records: RecordJson[] }>(`/admin/api/resources/${resource.id}/actions/list`);
      expect(listed.status, resource.id).toBe(200);
      if (listed.body.records.length) walked += 1;
      problems.push(...rawValues(resource, listed.body.records, resource.listProperties));
    }
    expect([...new Set(problems.map((p) => p.replace(/#\d+ titled "\d+"/, ' titled by its id').replace(/ = \S+/, '')))]).toEqual([]);
    // The demo plant fills most of the back office; an empty walk would prove nothing.
    expect(walked).toBeGreaterThanOrEqual(20);
  });

  it('show pages name every reference they show', async () => {
    const problems: string[] = [];
    for (const resource of resources) {
      const listed = await admin.json<{ records: RecordJson[] }>(`/admin/api/resources/${resource.id}/actions/list?perPage=3`);
      for (const { id } of listed.body.records) {
        const shown = await admin.json<{ record: RecordJson }>(`/admin/api/resources/${resource.id}/records/${id}/show`);
        problems.push(...rawValues(resource, [shown.body.record], resource.showProperties));
      }
    }
    expect([...new Set(problems.map((p) => p.replace(/#\d+ titled "\d+"/, ' titled by its id').replace(/ = \S+/, '')))]).toEqual([]);
  });

  it('related tables and history speak Spanish: every closed value of the domain has both labels', async () => {
    const { VOCABULARIES } = await import('../domain/vocabularies.js');
    const missing: string[] = [];
    for (const [model, fields] of Object.entries(VOCABULARIES))
      for (const [field, values] of Object.entries(fields as Record<string, readonly string[]>))
        for (const value of values)
          for (const locale of [es, en]) if (!label(locale, model, field, value)) missing.push(`${model}.${field}.${value} (${locale === es ? 'es' : 'en'})`);
    expect(missing).toEqual([]);
    // The global history names tables and actions as people do.
    expect(es.resources.ChangeHistory.labels.tableName.work_orders).toBe('Órdenes de trabajo');
    expect(en.resources.ChangeHistory.labels.action.UPDATE).toBe('Changed');
  });
});
