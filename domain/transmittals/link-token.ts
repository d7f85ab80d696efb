// A recipient's link carries a long random token (256 bits, base64url); the database keeps only its
// SHA-256, so a copy of the database opens no transmittal.
import { createHash, randomBytes } from 'node:crypto';

export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: linkTokenHash(token) };
}

export function linkTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** What a token in an address can look like; anything else finds nothing without a query. */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The public page of a recipient's link: `<PUBLIC_URL>/transmittals/<token>`. */
export function linkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/transmittals/${token}`;
}
