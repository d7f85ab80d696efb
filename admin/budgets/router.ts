// A budget's page over HTTP, inside the /admin router (session, rights read afresh):
//   GET /budgets/:budgetId/figures                  each line's months and year: budget, committed, actual, available, % used
//   GET /budgets/:budgetId/months/:month/entries    the drill-down: requisitions committed and costs posted that month
//   GET /budgets/:budgetId/export.xlsx              the figures as a workbook (the "export" rule on budgets)
// The page (components/budget-figures.tsx) formats them in the reader's language.
import express, { type Request } from 'express';
import type pg from 'pg';
import { AccessDeniedError } from '../../domain/access/abilities.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { budgetFigures } from '../../domain/budgets/budget-figures.js';
import { budgetMonthEntries } from '../../domain/budgets/budget-month-entries.js';
import { MalformedInputError } from '../../domain/malformed-input.js';
import { parseRecordId } from '../../domain/record-id.js';
import { attachmentDisposition } from '../../integrations/storage/storage.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';
import { languageOf } from '../locales/render.js';
import { budgetWorkbook } from './budget-workbook.js';

export function budgetRoutes(options: { prisma: Db; pool: pg.Pool }): express.Router {
  const router = express.Router();
  const user = (req: Request) => req.session.adminUser as CurrentUser;
  const budgetIdOf = (req: Request) => {
    const budgetId = parseRecordId(req.params.budgetId);
    if (budgetId === null) throw new MalformedInputError('malformedRequest');
    return budgetId;
  };

  router.get('/budgets/:budgetId/figures', async (req, res, next) => {
    try {
      res.json(await budgetFigures(options.prisma, options.pool, abilityOf(user(req)), budgetIdOf(req)));
    } catch (error) {
      next(error);
    }
  });

  router.get('/budgets/:budgetId/months/:month/entries', async (req, res, next) => {
    try {
      const month = /^\d{1,2}$/.test(String(req.params.month)) ? Number(req.params.month) : NaN;
      res.json(await budgetMonthEntries(options.prisma, abilityOf(user(req)), budgetIdOf(req), month));
    } catch (error) {
      next(error);
    }
  });

  router.get('/budgets/:budgetId/export.xlsx', async (req, res, next) => {
    try {
      const ability = abilityOf(user(req));
      if (!ability.can('export', 'Budget')) throw new AccessDeniedError('export', 'Budget');
      const figures = await budgetFigures(options.prisma, options.pool, ability, budgetIdOf(req));
      const workbook = await budgetWorkbook(figures, languageOf(req.query.language ?? user(req).locale));
      res.set({
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': attachmentDisposition(`${figures.code}-${figures.year}.xlsx`),
        'Cache-Control': 'private, no-store',
      });
      res.send(workbook);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
