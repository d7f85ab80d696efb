// Sessions live in PostgreSQL (connect-pg-simple over our pool, table created by our migrations).
import { randomBytes } from 'node:crypto';
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type pg from 'pg';
import { CURRENT_USER_COLUMNS, currentUserOf, type CurrentUser, type CurrentUserRow } from '../domain/access/current-user.js';

export const SESSION_COOKIE = 'cmms.sid';
const ANONYMOUS_SESSION_MS = 30 * 60_000;
/** A session's stored expiry is pushed forward at most this often per process (see ThrottledTouch). */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

const PgStore = connectPgSimple(session);

/** connect-pg-simple's store, writing a session's new expiry (express-session "touches" it after every
 * request it did not change) at most once a minute per process. Every request wrote an UPDATE and
 * committed it, and held the answer's last byte until it had: under load, a write and a WAL flush per page
 * for a lifetime counted in hours. The idle lifetime ends at most a minute earlier than the cookie says. */
export class ThrottledTouchStore extends PgStore {
  private touched = new Map<string, number>();

  constructor(
    options: ConstructorParameters<typeof PgStore>[0],
    private readonly intervalMs = SESSION_TOUCH_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {
    super(options);
  }

  override touch(sid: string, sess: session.SessionData, callback?: () => void): void {
    if (warmUpSessions.has(sid)) return callback?.();
    const now = this.now();
    const last = this.touched.get(sid);
    if (last !== undefined && now - last < this.intervalMs) {
      callback?.();
      return;
    }
    // Forget sessions not seen for an interval (those left, or served by another process).
    if (this.touched.size >= 10_000) for (const [id, at] of this.touched) if (now - at >= this.intervalMs) this.touched.delete(id);
    this.touched.set(sid, now);
    super.touch(sid, sess, callback);
  }

  override set(sid: string, sess: session.SessionData, callback?: (error?: unknown) => void): void {
    if (warmUpSessions.has(sid)) return callback?.();
    super.set(sid, sess, callback);
  }

  override destroy(sid: string, callback?: (error?: unknown) => void): void {
    if (warmUpSessions.has(sid)) return callback?.();
    this.touched.delete(sid);
    super.destroy(sid, callback);
  }
}

/** Sessions of the warm-up before the process listens (admin/warm-up.ts): the person of a group with no
 * account each warm-up request is made as, by a random session id that is never stored. Read through the
 * same query as any session (which finds no row), then answered from here; touching, saving or ending
 * one writes nothing. Emptied when the warm-up ends, before anybody can connect. */
const warmUpSessions = new Map<string, { adminUser: object; user: CurrentUser }>();
const WARM_UP_SESSION_MS = 10 * 60_000;

/** A warm-up session for `user`: its id, to be signed into the session cookie. */
export function openWarmUpSession(user: CurrentUser): string {
  const sid = randomBytes(32).toString('base64url');
  warmUpSessions.set(sid, { adminUser: { ...user }, user });
  return sid;
}

export function closeWarmUpSessions(): void {
  warmUpSessions.clear();
}

/** The signed-in person's rights as read with his session, by the stored `adminUser` they were read for:
 * null when his account is gone or deactivated. Only the request that loaded the session holds that object. */
const readWithSession = new WeakMap<object, CurrentUser | null>();

/** His rights read with the session this request loaded (undefined: not read, e.g. no session store read). */
export function currentUserReadWithSession(adminUser: unknown): CurrentUser | null | undefined {
  return adminUser !== null && typeof adminUser === 'object' ? readWithSession.get(adminUser) : undefined;
}

const SESSION_WITH_USER = `
  SELECT s.sess, cu.*
    FROM session s
    LEFT JOIN LATERAL (
      SELECT ${CURRENT_USER_COLUMNS} FROM users u
       WHERE s.sess->'adminUser'->>'id' ~ '^[0-9]{1,9}$' AND u.id = (s.sess->'adminUser'->>'id')::int AND u.is_active
    ) cu ON true
   WHERE s.sid = $1 AND s.expire >= to_timestamp($2)`;

/** The session store of the back office: connect-pg-simple's, with the expiry renewed at most once a minute
 * (ThrottledTouchStore), and the signed-in person's current rights read with his session in one query.
 * Every request read the session, then the rights (admin/router.ts reads them afresh on every request, so a
 * removed group or a deactivation takes effect at once): two round trips where one does. */
export class SessionStore extends ThrottledTouchStore {
  constructor(
    private readonly pool: pg.Pool,
    options: Omit<ConstructorParameters<typeof PgStore>[0], 'pool'>,
  ) {
    super({ ...options, pool });
  }

  override get(sid: string, callback: (error: unknown, session?: session.SessionData | null) => void): void {
    // As connect-pg-simple: expired rows are no session (`expire` in whole seconds, rounded up).
    // A named statement: PostgreSQL plans this query of a dozen subqueries once per connection instead of
    // on every request (planning took 1.1–1.5 ms, running it 0.4 ms).
    const warm = warmUpSessions.get(sid);
    this.pool.query<CurrentUserRow & { sess: session.SessionData & { adminUser?: { id?: unknown } } }>({ name: 'cmms-session-with-user', text: SESSION_WITH_USER, values: [sid, Math.ceil(Date.now() / 1000)] }).then(
      ({ rows }) => {
        // A warm-up session (no row: its id was never stored) is read like any other, then held in memory.
        if (warm) {
          readWithSession.set(warm.adminUser, warm.user);
          return callback(null, { cookie: { originalMaxAge: WARM_UP_SESSION_MS, expires: new Date(Date.now() + WARM_UP_SESSION_MS), httpOnly: true, path: '/' }, adminUser: warm.adminUser } as never);
        }
        const row = rows[0];
        if (!row) return callback(null, null);
        const { sess } = row;
        if (sess.adminUser && typeof sess.adminUser === 'object')
          readWithSession.set(sess.adminUser, row.email === null ? null : currentUserOf(Number(sess.adminUser.id), row));
        callback(null, sess);
      },
      (error: unknown) => callback(error),
    );
  }
}

export function sessionMiddleware(options: { pool: pg.Pool; secret: string; secure: boolean; ttlHours: number }) {
  return session({
    store: new SessionStore(options.pool, { tableName: 'session', createTableIfMissing: false, pruneSessionInterval: 15 * 60 }),
    name: SESSION_COOKIE,
    secret: options.secret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secure,
      // Visitors who only opened the login page hold a short session (it carries their CSRF token).
      maxAge: ANONYMOUS_SESSION_MS,
    },
  });
}

export function signedInSessionMaxAge(ttlHours: number): number {
  return ttlHours * 3_600_000;
}
