// Who is writing: a person (with the request's id and address), a job, an import, or the system. The
// database triggers that record change history read it from transaction settings (cmms.actor_*), which
// our Prisma client sets for every write made while an actor is current (client.ts beside it). It lives
// in prisma/ because the database client reads it, and prisma/ imports nothing from the layers above.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Actor {
  /** The person, when one acted. */
  userId?: number;
  /** "user:ana@planta.hn", "job:generate-preventive-orders", "import:42", ... */
  label: string;
  requestId?: string;
  ip?: string;
  /** The person's browser, as it names itself: recorded with signatures (not with history). */
  userAgent?: string;
  /** The signed-in person's session: changing his password or rights ends his other sessions, not this one. */
  sessionId?: string;
  /** A GET: the request may read only; a write through our Prisma client is refused (prisma/client.ts). */
  readOnly?: boolean;
}

const actors = new AsyncLocalStorage<Actor>();

/** Runs `work` with `actor` as the author of every write it makes, however deep. */
export function actAs<T>(actor: Actor, work: () => T): T {
  return actors.run(actor, work);
}

export function currentActor(): Actor | undefined {
  return actors.getStore();
}

/** The transaction-local settings the history triggers read, as [name, value] pairs. */
export function actorSettings(actor: Actor): [string, string][] {
  return [
    ['cmms.actor_user_id', actor.userId === undefined ? '' : String(actor.userId)],
    ['cmms.actor_label', actor.label],
    ['cmms.request_id', actor.requestId ?? ''],
    ['cmms.ip', actor.ip ?? ''],
    ['cmms.session_id', actor.sessionId ?? ''],
  ];
}

/** A write attempted while serving a GET: state changes only by POST. */
export class ReadOnlyRequestError extends Error {
  constructor(operation: string) {
    super(`A ${operation} was attempted while serving a GET request; state changes only by POST`);
  }
}
