// The language a person chose in the top bar, kept on his account so it holds across reloads, direct
// links and devices (AdminJS alone forgets it at the next page load).
import express from 'express';
import type { CurrentUser } from '../domain/access/current-user.js';
import type { Db } from '../prisma/client.js';
import { languageOf } from './locales/render.js';
import { jsonBody } from './request-bodies.js';

export function languageRoute(prisma: Db): express.Router {
  const router = express.Router();
  router.post('/language', jsonBody('1kb'), async (req, res, next) => {
    try {
      const requested = (req.body as { language?: unknown } | undefined)?.language;
      if (requested !== 'es' && requested !== 'en') return res.status(400).json({ error: 'language', message: 'es or en' });
      const user = req.session.adminUser as CurrentUser;
      await prisma.user.update({ where: { id: user.access.userId }, data: { locale: languageOf(requested) } });
      res.json({ language: requested });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
