// Password hashing with argon2id (OWASP's first choice), parameters from the library's defaults.
import argon2 from 'argon2';
import type { Db } from '../../prisma/client.js';
import { randomBytes } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

// A hash of a random string: verifying against it for unknown e-mails keeps login timing uniform.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}

/** 20 characters from an alphabet without look-alikes (0/O, 1/l/I), about 115 bits. */
export function generatePassword(length = 20): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; out.length < length; i++) {
    const byte = bytes[i % bytes.length]!;
    if (byte < 256 - (256 % alphabet.length)) out += alphabet[byte % alphabet.length];
  }
  return out;
}

export class PasswordPolicyError extends Error {
  constructor(readonly reason: 'passwordTooShort') {
    super(`The password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
    this.name = 'PasswordPolicyError';
  }
}

export function assertPasswordPolicy(plain: string): void {
  if (plain.length < MIN_PASSWORD_LENGTH) throw new PasswordPolicyError('passwordTooShort');
}

/** Sets (or replaces) a user's password; the plain text never leaves this function. */
export async function setUserPassword(prisma: Db, userId: number, plain: string): Promise<void> {
  assertPasswordPolicy(plain);
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(plain) } });
}
