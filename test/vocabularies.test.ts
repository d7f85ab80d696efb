// The closed vocabularies the UI offers are exactly the ones the database accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFullModel } from '../admin/dmmf.js';
import { VOCABULARIES } from '../domain/vocabularies.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

describe('closed vocabularies', () => {
  it.each(Object.entries(VOCABULARIES).flatMap(([model, fields]) => Object.entries(fields).map(([field, values]) => ({ model, field, values }))))(
    '$model: $field matches its CHECK constraint',
    async ({ model, field, values }) => {
      const definition = getFullModel(model);
      const table = definition.dbName ?? model;
      const column = definition.fields.find((f) => f.name === field)?.dbName ?? field;
      const { rows } = await db.pool.query<{ definition: string }>(
        `SELECT pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c
          WHERE c.conrelid = $1::regclass AND c.contype = 'c'`,
        [table],
      );
      const mentionsColumn = new RegExp(`\\(${column}[) ]`);
      const accepted = rows.filter((r) => mentionsColumn.test(r.definition)).flatMap((r) => [...r.definition.matchAll(/'([^']+)'::/g)].map((m) => m[1]));
      expect(new Set(accepted)).toEqual(new Set(values));
    },
  );
});
