// The energy page's figures over HTTP, inside the /admin router (session, rights read afresh):
//   GET /energy/report?from=YYYY-MM-DD&to=YYYY-MM-DD&period=day|week|month&groupBy=asset|location|category|site
// The page (components/energy-page.tsx) draws and formats them in the reader's language.
import express, { type Request } from 'express';
import { z } from 'zod';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { energyReport } from '../../domain/energy/energy-report.js';
import { MalformedInputError } from '../../domain/malformed-input.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).transform((text) => new Date(`${text}T00:00:00Z`)).refine((date) => !Number.isNaN(date.getTime()));
const ReportQuery = z.object({
  from: day,
  to: day,
  period: z.enum(['day', 'week', 'month']).default('day'),
  groupBy: z.enum(['asset', 'location', 'category', 'site', 'point']).default('asset'),
});

export function energyRoutes(options: { prisma: Db; timeZone: string }): express.Router {
  const router = express.Router();
  const user = (req: Request) => req.session.adminUser as CurrentUser;

  router.get('/energy/report', async (req, res) => {
    const query = ReportQuery.safeParse(req.query);
    if (!query.success) throw new MalformedInputError('energyRangeInvalid');
    res.json(await energyReport(options.prisma, abilityOf(user(req)), { ...query.data, timeZone: options.timeZone }));
  });
  return router;
}
