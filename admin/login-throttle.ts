// Failed sign-ins are counted per account and per IP in PostgreSQL (rate-limiter-flexible), so the
// limit holds across processes and restarts. Only failures count; a success clears the account's count.
import { RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible';
import type pg from 'pg';

export interface LoginThrottle {
  isBlocked(email: string, ip: string): Promise<boolean>;
  recordFailure(email: string, ip: string): Promise<void>;
  recordSuccess(email: string): Promise<void>;
}

export function createLoginThrottle(
  pool: pg.Pool,
  limits: { maxFailuresPerAccount: number; maxFailuresPerIp: number; blockMinutes: number },
): LoginThrottle {
  const common = { storeClient: pool, storeType: 'pool', tableName: 'login_throttle', tableCreated: true, duration: limits.blockMinutes * 60 };
  const perAccount = new RateLimiterPostgres({ ...common, keyPrefix: 'account', points: limits.maxFailuresPerAccount });
  const perIp = new RateLimiterPostgres({ ...common, keyPrefix: 'ip', points: limits.maxFailuresPerIp });
  const accountKey = (email: string) => email.trim().toLowerCase();

  return {
    async isBlocked(email, ip) {
      const [account, address] = await Promise.all([perAccount.get(accountKey(email)), perIp.get(ip)]);
      return exhausted(account, limits.maxFailuresPerAccount) || exhausted(address, limits.maxFailuresPerIp);
    },
    async recordFailure(email, ip) {
      // consume() rejects once the points are spent; that rejection is the expected "now blocked".
      await Promise.allSettled([perAccount.consume(accountKey(email)), perIp.consume(ip)]);
    },
    async recordSuccess(email) {
      await perAccount.delete(accountKey(email));
    },
  };
}

function exhausted(state: RateLimiterRes | null, points: number): boolean {
  return state !== null && state.consumedPoints >= points;
}
