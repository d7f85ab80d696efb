// The one Prisma client shape of the application (driver adapter over our pg pool).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import { actorSettings, currentActor, ReadOnlyRequestError, type Actor } from './actor.js';
import { installQueryPlanCache } from './query-plan-cache.js';

const WRITES = new Set([
  'create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany',
]);
// Set inside transactionAs(): the transaction already carries the actor settings.
const actorInTransaction = new AsyncLocalStorage<true>();

export function createPrismaClient(pool: pg.Pool) {
  installQueryPlanCache();
  // Password hashes are never loaded unless a query asks for them by name (sign-in does).
  const base = new PrismaClient({ adapter: new PrismaPg(pool), omit: { user: { passwordHash: true } } });
  // The five settings in one statement: one round trip per write, not five.
  const settingsOf = (actor: Actor, client: Pick<typeof base, '$executeRaw'> = base) => {
    const [[, userId], [, label], [, requestId], [, ip], [, sessionId]] = actorSettings(actor) as [string, string][] as [[string, string], [string, string], [string, string], [string, string], [string, string]];
    return client.$executeRaw`SELECT set_config('cmms.actor_user_id', ${userId}, true), set_config('cmms.actor_label', ${label}, true),
                                  set_config('cmms.request_id', ${requestId}, true), set_config('cmms.ip', ${ip}, true),
                                  set_config('cmms.session_id', ${sessionId}, true)`;
  };
  // Every write made while an actor is current runs in a transaction that first tells the history
  // triggers who wrote it. Interactive transactions must start through transactionAs() (checked here).
  return base.$extends({
    query: {
      $allModels: {
        async $allOperations(params) {
          const { operation, args, query } = params;
          const actor = currentActor();
          if (actor?.readOnly && WRITES.has(operation)) throw new ReadOnlyRequestError(operation);
          if (!actor || !WRITES.has(operation) || actorInTransaction.getStore()) return query(args);
          // Prisma tells whether the call runs inside a transaction only in this undocumented field.
          const transaction = (params as { __internalParams?: { transaction?: { kind: string } } }).__internalParams?.transaction;
          if (transaction)
            throw new Error(`A ${operation} inside a transaction with an actor set must run through transactionAs(), or its history loses its author`);
          const [, result] = await base.$transaction([settingsOf(actor), query(args) as never]);
          return result;
        },
      },
    },
    client: {
      /** An interactive transaction whose writes are recorded in the change history as the current actor's. */
      async transactionAs<T>(
        work: (tx: Parameters<Parameters<typeof base.$transaction>[0]>[0]) => Promise<T>,
        /** Prisma's interactive-transaction limits (a long import needs more than the 5 s default). */
        options?: { timeout?: number; maxWait?: number },
      ): Promise<T> {
        const actor = currentActor();
        return base.$transaction(async (tx) => {
          // Serving a GET: PostgreSQL itself refuses any write of this transaction, raw SQL included.
          if (actor?.readOnly) await tx.$executeRaw`SET TRANSACTION READ ONLY`;
          if (actor) await settingsOf(actor, tx);
          return actorInTransaction.run(true, () => work(tx));
        }, options);
      },
    },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
