// One delivery of a notification by one outside channel (e-mail, Telegram, webhook). Each is its own
// job, so a failing channel is retried on its own and never holds up the others; after the last retry
// the delivery is marked DEAD and pg-boss moves the job to the dead letters.
import { z } from 'zod';
import { deliver, markDeliveryDead } from '../domain/notifications/deliver.js';
import { defineJob } from './job.js';

const payloadSchema = z.object({ deliveryId: z.number().int().positive() });

export const deliverNotificationJob = defineJob({
  name: 'deliver-notification',
  queue: 'notifications',
  // 3 retries 1, 2 and 4 s apart (pg-boss doubles the delay): a mail server restarting is waited for,
  // a channel that stays down is given up within seconds and the delivery shows DEAD.
  retry: { limit: 3, delaySeconds: 1, backoff: true },
  parse: (data) => payloadSchema.parse(data),
  handle: async ({ deliveryId }, context) => {
    try {
      return { outcome: await deliver(context.prisma, context.messageChannels, deliveryId, { publicUrl: context.publicUrl }) };
    } catch (error) {
      if (context.retryCount >= deliverNotificationJob.retry.limit) await markDeliveryDead(context.prisma, deliveryId);
      throw error;
    }
  },
});
