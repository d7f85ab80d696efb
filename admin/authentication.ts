// Sign-in: argon2 verification, uniform timing for unknown accounts, throttling per account and IP.
import type { Db } from '../prisma/client.js';
import { loadCurrentUser, type CurrentUser } from '../domain/access/current-user.js';
import { decoyPasswordHash, verifyPassword } from '../domain/users/password.js';
import type { LoginThrottle } from './login-throttle.js';

export type SignInResult = { ok: true; user: CurrentUser } | { ok: false; reason: 'invalidCredentials' | 'tooManyRequests' };

export async function signIn(
  prisma: Db,
  throttle: LoginThrottle,
  input: { email: unknown; password: unknown; ip: string },
): Promise<SignInResult> {
  // No address has a NUL byte or runs past 320 characters: such input is an unknown account, not a query.
  const email = typeof input.email === 'string' && input.email.length <= 320 && !input.email.includes('\0') ? input.email.trim().toLowerCase() : '';
  const password = typeof input.password === 'string' ? input.password : '';
  if (await throttle.isBlocked(email, input.ip)) return { ok: false, reason: 'tooManyRequests' };

  const user = email
    ? await prisma.user.findUnique({
        where: { email },
        omit: { passwordHash: false },
      })
    : null;
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !valid || !user.isActive) {
    await throttle.recordFailure(email, input.ip);
    return { ok: false, reason: 'invalidCredentials' };
  }
  await throttle.recordSuccess(email);
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  const current = await loadCurrentUser(prisma, user.id);
  return current ? { ok: true, user: current } : { ok: false, reason: 'invalidCredentials' };
}
