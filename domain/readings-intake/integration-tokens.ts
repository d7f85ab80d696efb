// Tokens of outside systems (SCADA, historians) for the readings intake API (issue 25). A token is 32
// random bytes (base64url, 43 characters), shown once when an administrator creates it and stored only as
// its SHA-256: a database dump gives no usable token, and a 256-bit random secret needs no slow hash (there
// is nothing to guess). Each token names its system (the change history's author of what it writes) and
// one scope; revoking is setting revoked_at, which takes effect on the next request.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../prisma/client.js';
import type { AppAbility } from '../access/abilities.js';
import { AccessDeniedError } from '../access/abilities.js';
import { Refusal } from '../refusal.js';
import { VOCABULARIES } from '../vocabularies.js';

export type TokenScope = (typeof VOCABULARIES.IntegrationToken.scope)[number];
export const TOKEN_PREFIX = 'cmms_';

export interface AuthenticatedSystem {
  tokenId: number;
  name: string;
  scope: TokenScope;
}

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A new token for a system; the token itself is in the answer and nowhere else. */
export async function createIntegrationToken(db: Db, ability: AppAbility, userId: number, input: { name: string; scope: TokenScope }) {
  if (!ability.can('create', 'IntegrationToken')) throw new AccessDeniedError('create', 'IntegrationToken');
  const name = input.name.trim();
  if (name.length < 2 || name.length > 80) throw new Refusal('integrationTokenRefused_name', {}, { field: 'name' });
  if (!VOCABULARIES.IntegrationToken.scope.includes(input.scope)) throw new Refusal('integrationTokenRefused_scope', {}, { field: 'scope' });
  if (await db.integrationToken.findUnique({ where: { name }, select: { id: true } }))
    throw new Refusal('integrationTokenRefused_nameTaken', { name }, { field: 'name' });
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const record = await db.integrationToken.create({
    data: { name, scope: input.scope, tokenHash: hashToken(token), tokenPrefix: token.slice(0, 12), createdById: userId },
    select: { id: true, name: true, scope: true, tokenPrefix: true, createdAt: true },
  });
  return { ...record, token };
}

/** Revoked from now on; revoking twice changes nothing. */
export async function revokeIntegrationToken(db: Db, ability: AppAbility, id: number) {
  if (!ability.can('update', 'IntegrationToken')) throw new AccessDeniedError('update', 'IntegrationToken');
  const token = await db.integrationToken.findUnique({ where: { id }, select: { revokedAt: true } });
  if (!token) throw new Refusal('notFound', {}, { kind: 'notFound' });
  if (token.revokedAt) throw new Refusal('integrationTokenRefused_alreadyRevoked', {});
  return db.integrationToken.update({ where: { id }, data: { revokedAt: new Date() }, select: { id: true, revokedAt: true } });
}

/** The system a presented token belongs to: null when it is unknown or revoked (both answered alike). */
export async function authenticateToken(db: Db, presented: string): Promise<AuthenticatedSystem | null> {
  if (!presented.startsWith(TOKEN_PREFIX) || presented.length > 100) return null;
  const token = await db.integrationToken.findUnique({ where: { tokenHash: hashToken(presented) }, select: { id: true, name: true, scope: true, revokedAt: true } });
  if (!token || token.revokedAt) return null;
  return { tokenId: token.id, name: token.name, scope: token.scope as TokenScope };
}
