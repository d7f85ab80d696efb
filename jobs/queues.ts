// Queue classes by priority (from the sibling ERP's design). Every job declares its class; each class is
// one pg-boss queue with its own worker concurrency, and failed jobs end in the dead-letter queue.
export const QUEUE_CLASSES = ['critical', 'default', 'notifications', 'reports', 'sync'] as const;
export type QueueClass = (typeof QUEUE_CLASSES)[number];

export const DEAD_LETTER_QUEUE = 'dead-letters';

// pollingSeconds: how long a queued job may wait for an idle worker to look: half a second (pg-boss's
// minimum) where a person may be waiting for the result (an import's progress bar), a second for the rest.
export const QUEUE_SETTINGS: Record<QueueClass, { concurrency: number; expireInSeconds: number; pollingSeconds: number }> = {
  critical: { concurrency: 4, expireInSeconds: 15 * 60, pollingSeconds: 1 },
  default: { concurrency: 2, expireInSeconds: 30 * 60, pollingSeconds: 0.5 },
  notifications: { concurrency: 2, expireInSeconds: 5 * 60, pollingSeconds: 1 },
  reports: { concurrency: 1, expireInSeconds: 60 * 60, pollingSeconds: 1 },
  sync: { concurrency: 1, expireInSeconds: 15 * 60, pollingSeconds: 1 },
};
