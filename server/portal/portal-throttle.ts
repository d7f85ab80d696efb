// The portal's rate limits, counted in PostgreSQL (rate-limiter-flexible, table portal_throttle) so they
// hold across web processes and restarts: per IP address and per asset, each over a rolling hour. A
// request over either limit is refused (429) before anything is read or written.
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type pg from 'pg';

export interface PortalLimits {
  perIpPerHour: number;
  perAssetPerHour: number;
}

/** A person reports a few problems an hour; a label on one asset gets a few dozen reports an hour at most. */
export const PORTAL_LIMITS: PortalLimits = { perIpPerHour: 5, perAssetPerHour: 20 };

export interface PortalThrottle {
  /** Counts one report; false when the IP or the asset is over its limit (nothing is counted then). */
  take(ip: string, assetId: number): Promise<boolean>;
}

export function createPortalThrottle(pool: pg.Pool, limits: PortalLimits = PORTAL_LIMITS): PortalThrottle {
  const common = { storeClient: pool, storeType: 'pool', tableName: 'portal_throttle', tableCreated: true, duration: 3600 };
  const perIp = new RateLimiterPostgres({ ...common, keyPrefix: 'portal-ip', points: limits.perIpPerHour });
  const perAsset = new RateLimiterPostgres({ ...common, keyPrefix: 'portal-asset', points: limits.perAssetPerHour });
  const spent = (state: RateLimiterRes | null, points: number) => state !== null && state.consumedPoints >= points;
  return {
    async take(ip, assetId) {
      const [address, asset] = await Promise.all([perIp.get(ip), perAsset.get(String(assetId))]);
      if (spent(address, limits.perIpPerHour) || spent(asset, limits.perAssetPerHour)) return false;
      // consume() rejects once the points are spent (another process got there first): then refused too.
      const taken = await Promise.allSettled([perIp.consume(ip), perAsset.consume(String(assetId))]);
      return taken.every((outcome) => outcome.status === 'fulfilled');
    },
  };
}
