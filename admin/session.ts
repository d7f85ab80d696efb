// Sessions live in PostgreSQL (connect-pg-simple over our pool, table created by our migrations).
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type pg from 'pg';

export const SESSION_COOKIE = 'cmms.sid';
const ANONYMOUS_SESSION_MS = 30 * 60_000;

export function sessionMiddleware(options: { pool: pg.Pool; secret: string; secure: boolean; ttlHours: number }) {
  const PgStore = connectPgSimple(session);
  return session({
    store: new PgStore({ pool: options.pool, tableName: 'session', createTableIfMissing: false, pruneSessionInterval: 15 * 60 }),
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
