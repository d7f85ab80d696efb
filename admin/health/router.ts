// An asset's health panel over HTTP, inside the /admin router (session, rights read afresh):
//   GET /health/assets/:assetId   score, risk and reasons, last year's figures, stops, readings with limits and trend
// The page (components/asset-health-panel.tsx) draws it in the reader's language.
import express, { type Request } from 'express';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { assetHealthPanel } from '../../domain/health/asset-health-panel.js';
import { MalformedInputError } from '../../domain/malformed-input.js';
import { parseRecordId } from '../../domain/record-id.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';

export function healthRoutes(options: { prisma: Db }): express.Router {
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
  return router;
}
