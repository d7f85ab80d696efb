// What notify() needs of a database handle: the application's client or a transaction of it (so a
// notification commits, or not, with the change that caused it).
import type { Db } from '../../prisma/client.js';
import type { Tx } from '../access/allowed-row.js';

export type NotifyDb = Db | Tx;
