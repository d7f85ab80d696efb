// An asset's health panel over HTTP, inside the /admin router (session, rights read afresh):
//   GET /health/assets/:assetId   score, risk and reasons, last year's figures, stops, readings with limits and trend
//   GET /health/availability?from=YYYY-MM-DD&to=YYYY-MM-DD&groupBy=location|category
//                                 availability, stops, failures, MTBF and MTTR per location or category
// The pages (components/asset-health-panel.tsx, availability-page.tsx) draw them in the reader's language.
import express, { type Request } from 'express';
import { z } from 'zod';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { assetHealthPanel } from '../../domain/health/asset-health-panel.js';
import { availabilityReport } from '../../domain/health/availability-report.js';
import { MalformedInputError } from '../../domain/malformed-input.js';
import { parseRecordId } from '../../domain/record-id.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).transform((text) => new Date(`${text}T00:00:00Z`)).refine((date) => !Number.isNaN(date.getTime()));
const AvailabilityQuery = z.object({ from: day, to: day, groupBy: z.enum(['location', 'category']).default('location') });

export function healthRoutes(options: { prisma: Db; timeZone: string }): express.Router {
  const router = express.Router();
  const user = (req: Request) => req.session.adminUser as CurrentUser;

  router.get('/health/assets/:assetId', async (req, res, next) => {
    try {
      const assetId = parseRecordId(req.params.assetId);
      if (assetId === null) throw new MalformedInputError('malformedRequest');
      res.json(await assetHealthPanel(options.prisma, abilityOf(user(req)), assetId));
    } catch (error) {
      next(error);
    }
  });

  router.get('/health/availability', async (req, res) => {
    const query = AvailabilityQuery.safeParse(req.query);
    if (!query.success) throw new MalformedInputError('availabilityRangeInvalid');
    res.json(await availabilityReport(options.prisma, abilityOf(user(req)), { ...query.data, timeZone: options.timeZone }));
  });
  return router;
}
