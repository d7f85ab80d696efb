// What notify() needs of a database handle: the application's client or a transaction of it (so a
// notification commits, or not, with the change that caused it).
import type { Db } from '../../prisma/client.js';
import type { Tx } from '../access/allowed-row.js';

export type NotifyDb = Db | Tx;

/** The models of either, for reads: TypeScript cannot call a method on the union of the extended client
 * and a transaction once the schema is this large ("not callable"), though both have it. */
export const readerOf = (db: NotifyDb): Tx => db as unknown as Tx;
