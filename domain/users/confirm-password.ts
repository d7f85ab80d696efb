// Signing with the password (a document revision, a permit, a requisition's approval step): the signed-in
// person types his password again, under the same throttle as the sign-in form, so a signing form is no
// password oracle. A wrong or missing password counts as a failed sign-in; each module says the refusal
// in its own words (its `refuse`), and nothing is written.
import type { Db } from '../../prisma/client.js';
import type { Refusal } from '../refusal.js';
import { verifyPassword } from './password.js';

/** The part of the login throttle signing uses (admin/login-throttle.ts). */
export interface PasswordThrottle {
  isBlocked(email: string, ip: string): Promise<boolean>;
  recordFailure(email: string, ip: string): Promise<void>;
  recordSuccess(email: string): Promise<void>;
}

export type PasswordRefusal = 'wrongPassword' | 'tooManyRequests';

export interface PasswordConfirmation {
  userId: number;
  /** As posted: anything but a non-empty string is a wrong password. */
  password: unknown;
  ip: string;
}

/** The signer, once his password is confirmed; `refuse` makes the module's refusal otherwise. */
export async function confirmPassword(db: Db, throttle: PasswordThrottle, input: PasswordConfirmation, refuse: (reason: PasswordRefusal) => Refusal) {
  const user = await db.user.findUnique({ where: { id: input.userId }, omit: { passwordHash: false } });
  if (!user) throw refuse('wrongPassword');
  if (await throttle.isBlocked(user.email, input.ip)) throw refuse('tooManyRequests');
  const password = typeof input.password === 'string' ? input.password : '';
  if (!user.passwordHash || !user.isActive || !password || !(await verifyPassword(user.passwordHash, password))) {
    await throttle.recordFailure(user.email, input.ip);
    throw refuse('wrongPassword');
  }
  await throttle.recordSuccess(user.email);
  return user;
}
