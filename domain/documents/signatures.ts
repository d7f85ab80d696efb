// Signing a revision ("Firmar") and verifying it ("Verificar"). The signer is the signed-in person and
// confirms with his password; the server hashes the stored file at that moment and writes the signature
// and its immutable audit (signer, time, IP, user agent, hash) in one transaction. A wrong password
// writes nothing and counts as a failed sign-in, so this form cannot be used to guess passwords.
import type { Prisma } from '@prisma/client';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { ObjectStorage } from '../../integrations/storage/storage.js';
import type { Db } from '../../prisma/client.js';
import { confirmPassword, type PasswordThrottle } from '../users/confirm-password.js';
import { findReadableRevision } from './document-access.js';
import { documentRefused } from './errors.js';
import { Refusal } from '../refusal.js';
import { hashStoredFile } from './stored-file.js';

export interface SignInput {
  revisionId: number;
  signer: { userId: number; email: string };
  password: string;
  ip: string;
  userAgent: string;
}

export async function signRevision(db: Db, storage: ObjectStorage, throttle: PasswordThrottle, ability: AppAbility, input: SignInput) {
  const revision = await findReadableRevision(db, ability, input.revisionId);
  const signable = accessibleWhere(ability, 'sign', 'DocumentRevision');
  if (!signable || !(await db.documentRevision.count({ where: { AND: [{ id: revision.id }, signable as Prisma.DocumentRevisionWhereInput] } })))
    throw new AccessDeniedError('sign', 'DocumentRevision');

  // Re-authentication, under the same throttle as the sign-in form (domain/users/confirm-password.ts).
  const user = await confirmPassword(db, throttle, { userId: input.signer.userId, password: input.password, ip: input.ip }, (reason) => documentRefused(reason));

  return db.transactionAs(async (tx) => {
    // Signatures of one revision are taken one at a time, so "all named signers have signed" is exact.
    await tx.$queryRaw`SELECT id FROM document_revisions WHERE id = ${revision.id} FOR UPDATE`;
    const current = await tx.documentRevision.findUniqueOrThrow({
      where: { id: revision.id },
      include: { document: true, signers: true, signatures: true },
    });
    const latest = await tx.documentRevision.aggregate({ where: { documentId: current.documentId }, _max: { number: true } });
    if (current.document.state === 'OBSOLETE') throw documentRefused('documentObsolete', { code: current.document.code });
    if (current.number !== latest._max.number) throw documentRefused('revisionNotLatest', { number: current.number });
    const named = current.signers.map((s) => s.userId);
    if (named.length && !named.includes(user.id)) throw documentRefused('notANamedSigner');
    if (current.signatures.some((s) => s.signerId === user.id)) throw documentRefused('alreadySigned');

    // What is signed is the file as stored now; a file that no longer matches its upload is not signed.
    const sha256 = await hashStoredFile(storage, current.fileKey);
    if (sha256 !== current.sha256) throw documentRefused('storedFileChanged', { number: current.number });

    const signature = await tx.documentSignature.create({ data: { revisionId: current.id, signerId: user.id, sha256 } });
    const audit = await tx.signatureAudit.create({
      data: {
        signatureId: signature.id,
        revisionId: current.id,
        signerId: user.id,
        signedAt: signature.signedAt,
        ip: input.ip.slice(0, 64),
        userAgent: input.userAgent.slice(0, 500),
        sha256,
      },
    });
    // Approved when every named signer has signed; a revision with no named signers, at its first signature.
    const signed = new Set([...current.signatures.map((s) => s.signerId), user.id]);
    const approved = named.length ? named.every((id) => signed.has(id)) : true;
    if (approved && current.document.state !== 'APPROVED')
      await tx.document.update({ where: { id: current.documentId }, data: { state: 'APPROVED' } });
    return { signature, audit, documentApproved: approved };
  });
}

export interface Verification {
  revisionId: number;
  number: number;
  fileName: string;
  uploadedSha256: string;
  /** Null when the stored file is gone. */
  currentSha256: string | null;
  fileIntact: boolean;
  signatures: { signer: string; signedAt: Date; sha256: string; matches: boolean }[];
}

/** Recomputes the stored file's hash and compares it with the upload's and each signature's. */
export async function verifyRevision(db: Db, storage: ObjectStorage, ability: AppAbility, revisionId: number): Promise<Verification> {
  const revision = await findReadableRevision(db, ability, revisionId);
  const signatures = await db.documentSignature.findMany({
    where: { revisionId: revision.id },
    orderBy: { signedAt: 'asc' },
    include: { signer: { select: { name: true, email: true } } },
  });
  const currentSha256 = await hashStoredFile(storage, revision.fileKey).catch((error) => {
    if (error instanceof Refusal && error.key === 'storedFileMissing') return null;
    throw error;
  });
  return {
    revisionId: revision.id,
    number: revision.number,
    fileName: revision.fileName,
    uploadedSha256: revision.sha256,
    currentSha256,
    fileIntact: currentSha256 === revision.sha256,
    signatures: signatures.map((s) => ({ signer: `${s.signer.name} <${s.signer.email}>`, signedAt: s.signedAt, sha256: s.sha256, matches: s.sha256 === currentSha256 })),
  };
}
