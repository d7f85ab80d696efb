// Nightly: the stock levels rebuilt from the ledger must equal the ones kept (domain/inventory/ledger-check.ts).
// A difference is logged as an error naming each material and warehouse, told to the administrators
// (notification stock-ledger-mismatch, once per set of differences), and the run fails so it also shows
// among the failed jobs.
import { z } from 'zod';
import { compareStockWithLedger } from '../domain/inventory/ledger-check.js';
import { notifyLedgerMismatch } from '../domain/notifications/triggers/stock-alerts.js';
import { defineJob } from './job.js';

export const checkStockLedgerJob = defineJob({
  name: 'check-stock-ledger',
  queue: 'reports',
  schedule: '15 3 * * *',
  retry: { limit: 1, delaySeconds: 300, backoff: false },
  parse: (data) => z.object({}).passthrough().parse(data ?? {}),
  handle: async (_payload, { prisma, logger }) => {
    const differences = await compareStockWithLedger(prisma);
    if (differences.length) {
      logger.error({ differences: differences.slice(0, 50), count: differences.length }, 'stock levels differ from the stock ledger');
      await notifyLedgerMismatch(prisma, differences);
      throw new Error(`${differences.length} stock level(s) differ from the stock ledger, first: ${differences[0]!.material} in ${differences[0]!.warehouse}`);
    }
    logger.info('stock levels match the stock ledger');
    return { differences: 0 };
  },
});
