// Sessions live in PostgreSQL (connect-pg-simple over our pool, table created by our migrations).
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type pg from 'pg';

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

  override destroy(sid: string, callback?: (error?: unknown) => void): void {
    this.touched.delete(sid);
    super.destroy(sid, callback);
  }
}

export function sessionMiddleware(options: { pool: pg.Pool; secret: string; secure: boolean; ttlHours: number }) {
  return session({
    store: new ThrottledTouchStore({ pool: options.pool, tableName: 'session', createTableIfMissing: false, pruneSessionInterval: 15 * 60 }),
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
