// The PostgreSQL NOTIFY channels of the live side. Any process (web, worker, a trigger) may raise them;
// each web process listens to LIVE once and feeds its open event streams, and each worker listens to
// OUTBOX to queue the deliveries just written.
export const LIVE_CHANNEL = 'cmms_live';
export const OUTBOX_CHANNEL = 'cmms_outbox';

/** What travels on LIVE_CHANNEL (NOTIFY payloads are kept under PostgreSQL's 8 000 bytes). */
export type LiveMessage =
  /** New notifications for these people: their bells count again. */
  | { t: 'notification'; u: number[] }
  /** Rows of a model changed (ids, or too many to list: many), by a user (0: a job or SQL); `e` is the
   * global event number (sequence cmms_live_events), so a reconnecting page can resume after it. */
  | { t: 'rows'; e: number; m: string; ids: number[]; many: boolean; by: number };

/** Recipients per NOTIFY: 1 000 ids of up to 7 digits stay well under the payload limit. */
export const RECIPIENTS_PER_MESSAGE = 1_000;
