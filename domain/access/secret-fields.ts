// Fields that no screen, export, filter, sort or change-history entry may ever contain.
export const SECRET_FIELDS: Readonly<Record<string, readonly string[]>> = {
  User: ['passwordHash'],
  // energy (issue 25): an outside system's token, kept as its SHA-256 only
  IntegrationToken: ['tokenHash'],
  // transmittals (issue 24): the hash of a recipient's link token (what the link is looked up by)
  TransmittalRecipient: ['tokenHash'],
};

/** Form fields that carry a secret into a write and are never answered back, not even to whoever typed
 * them (a user's "Nueva contraseña"). */
export const WRITE_ONLY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  User: ['newPassword'],
};
