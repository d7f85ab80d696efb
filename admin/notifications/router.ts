// The notification centre's routes (pages in admin/components/notification-*.tsx): a person's own
// notifications and preferences only; marking read and saving by POST with the CSRF token (the
// /admin router checks it).
import express from 'express';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { centreOf, markAllRead, markRead, unreadCount } from '../../domain/notifications/centre.js';
import { preferencesInput, preferencesOf, savePreferences } from '../../domain/notifications/preferences.js';
import { MESSAGE_CHANNELS, type MessagingSettings } from '../../integrations/messaging/index.js';
import { Refusal } from '../../domain/refusal.js';
import { parseRecordId } from '../../domain/record-id.js';
import type { Db } from '../../prisma/client.js';
import { languageOf } from '../locales/render.js';
import { jsonBody } from '../request-bodies.js';

export function notificationRoutes(options: { prisma: Db; messaging: MessagingSettings }): express.Router {
  const { prisma } = options;
  const router = express.Router();
  const me = (req: express.Request) => req.session.adminUser as CurrentUser;

  router.get('/notifications', async (req, res) => {
    const user = me(req);
    const before = req.query.before === undefined ? undefined : parseRecordId(String(req.query.before));
    if (before === null) throw new Refusal('notificationsPageInvalid', {}, { kind: 'malformed' });
    res.json(await centreOf(prisma, user.access.userId, languageOf(user.locale), { before }));
  });

  router.get('/notifications/unread', async (req, res) => {
    res.json({ unread: await unreadCount(prisma, me(req).access.userId) });
  });

  router.post('/notifications/read-all', async (req, res) => {
    const userId = me(req).access.userId;
    const marked = await markAllRead(prisma, userId);
    res.json({ marked, unread: await unreadCount(prisma, userId) });
  });

  router.post('/notifications/:id/read', async (req, res) => {
    const userId = me(req).access.userId;
    const id = parseRecordId(req.params.id!);
    // Someone else's notification is no notification of his: 404, as a hidden record.
    if (id === null || !(await markRead(prisma, userId, id))) throw new Refusal('notificationNotFound', {}, { kind: 'notFound' });
    res.json({ unread: await unreadCount(prisma, userId) });
  });

  router.get('/notifications/preferences', async (req, res) => {
    const user = me(req);
    const language = languageOf(user.locale);
    const preferences = await preferencesOf(prisma, user.access.userId, user.groups);
    res.json({
      telegramChatId: preferences.telegramChatId,
      // A channel the plant has not configured is shown off, with why.
      configured: Object.fromEntries(MESSAGE_CHANNELS.map((channel) => [channel, options.messaging[channel] !== undefined])),
      kinds: preferences.kinds.map((kind) => ({ kind: kind.kind, label: kind.label[language], channels: kind.channels })),
    });
  });

  router.post('/notifications/preferences', jsonBody('20kb'), async (req, res) => {
    const parsed = preferencesInput.safeParse(req.body);
    if (!parsed.success) {
      const telegram = parsed.error.issues.some((issue) => issue.path[0] === 'telegramChatId');
      throw new Refusal(telegram ? 'notificationTelegramChatInvalid' : 'notificationPreferencesInvalid', {}, { kind: 'malformed', field: telegram ? 'telegramChatId' : undefined });
    }
    await savePreferences(prisma, me(req).access.userId, parsed.data);
    res.json({ message: 'notificationPreferencesSaved' });
  });
  return router;
}
