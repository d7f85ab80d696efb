// The token an asset's QR carries. Random (32 bytes), one per asset, made when its first label is
// printed; an administrator revokes it (the page then answers 404) or replaces it with a new one (old
// labels stop working, new ones are printed). The history records each change with who made it.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../prisma/client.js';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import { Refusal } from '../refusal.js';

export const newPortalToken = () => randomBytes(32).toString('base64url');
/** What a token looks like; anything else is answered 404 without asking the database. */
export const PORTAL_TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

/** The address printed in an asset's QR. */
export const portalUrl = (baseUrl: string, token: string) => `${baseUrl.replace(/\/+$/, '')}/r/${token}`;

/** Gives every asset of `assetIds` that has none a link (printing labels does); returns each asset's live token. */
export async function ensurePortalLinks(db: Db, ability: AppAbility, assetIds: number[]): Promise<Map<number, string | null>> {
  const existing = await db.assetPortalLink.findMany({ where: { assetId: { in: assetIds } }, select: { assetId: true, token: true, revokedAt: true } });
  const missing = assetIds.filter((id) => !existing.some((link) => link.assetId === id));
  if (missing.length) {
    if (!ability.can('create', 'AssetPortalLink')) throw new AccessDeniedError('create', 'AssetPortalLink');
    await db.transactionAs(async (tx) => {
      // Two prints at once: the second keeps the first's tokens (one link per asset, unique in the database).
      await tx.assetPortalLink.createMany({ data: missing.map((assetId) => ({ assetId, token: newPortalToken() })), skipDuplicates: true });
    });
  }
  const links = missing.length ? await db.assetPortalLink.findMany({ where: { assetId: { in: assetIds } }, select: { assetId: true, token: true, revokedAt: true } }) : existing;
  return new Map(links.map((link) => [link.assetId, link.revokedAt ? null : link.token]));
}

async function changeLink(db: Db, ability: AppAbility, assetId: number, data: { token?: string; revokedAt: Date | null }) {
  const assets = accessibleWhere(ability, 'read', 'Asset');
  if (!assets || !ability.can('update', 'AssetPortalLink')) throw new AccessDeniedError('update', 'AssetPortalLink');
  const asset = await db.asset.findFirst({ where: { AND: [{ id: assetId }, assets] }, select: { id: true } });
  if (!asset) throw new Refusal('portalAssetNotFound', {}, { kind: 'notFound' });
  return db.transactionAs((tx) =>
    tx.assetPortalLink.upsert({ where: { assetId }, create: { assetId, token: data.token ?? newPortalToken(), revokedAt: data.revokedAt }, update: data }),
  );
}

/** A new token for the asset: the old QR answers 404 from now on. */
export const regeneratePortalLink = (db: Db, ability: AppAbility, assetId: number) => changeLink(db, ability, assetId, { token: newPortalToken(), revokedAt: null });

/** The asset's QR answers 404 until a new link is made. */
export const revokePortalLink = (db: Db, ability: AppAbility, assetId: number) => changeLink(db, ability, assetId, { revokedAt: new Date() });
