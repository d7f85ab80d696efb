// A project's page figures over HTTP, inside the /admin router (session, rights read afresh):
//   GET /projects/:projectId/figures   tasks for the Gantt, progress, orders open/done, cost so far
// The page (components/project-overview.tsx) draws the Gantt and formats the figures in the reader's language.
import express, { type Request } from 'express';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { MalformedInputError } from '../../domain/malformed-input.js';
import { projectFigures } from '../../domain/projects/project-figures.js';
import { parseRecordId } from '../../domain/record-id.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';

export function projectRoutes(options: { prisma: Db; timeZone: string }): express.Router {
  const router = express.Router();
  const user = (req: Request) => req.session.adminUser as CurrentUser;

  router.get('/projects/:projectId/figures', async (req, res, next) => {
    try {
      const projectId = parseRecordId(req.params.projectId);
      if (projectId === null) throw new MalformedInputError('malformedRequest');
      res.json(await projectFigures(options.prisma, abilityOf(user(req)), projectId, options.timeZone));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
