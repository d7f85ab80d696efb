// A budget's page figures over HTTP, inside the /admin router (session, rights read afresh):
//   GET /budgets/:budgetId/figures   each line's months and year: budget, committed, actual, available, % used
// The page (components/budget-figures.tsx) formats them in the reader's language.
import express, { type Request } from 'express';
import type pg from 'pg';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { budgetFigures } from '../../domain/budgets/budget-figures.js';
import { MalformedInputError } from '../../domain/malformed-input.js';
import { parseRecordId } from '../../domain/record-id.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';

export function budgetRoutes(options: { prisma: Db; pool: pg.Pool }): express.Router {
  const router = express.Router();
  const user = (req: Request) => req.session.adminUser as CurrentUser;

  router.get('/budgets/:budgetId/figures', async (req, res, next) => {
    try {
      const budgetId = parseRecordId(req.params.budgetId);
      if (budgetId === null) throw new MalformedInputError('malformedRequest');
      res.json(await budgetFigures(options.prisma, options.pool, abilityOf(user(req)), budgetId));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
