// Prisma's JS schema engine cannot read the catalog types `name` (oid 19) and `"char"` (oid 18);
// reporting them as `text` (oid 25) lets `prisma migrate` commands introspect. prisma/prisma#27403.
import pg from 'pg';

const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

export class CatalogTextPool extends pg.Pool {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) return result.then(rewriteCatalogTypes);
    return result;
  }
}

function rewriteCatalogTypes<T>(result: T): T {
  const fields = (result as { fields?: { dataTypeID: number }[] })?.fields;
  for (const field of fields ?? []) if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  return result;
}
