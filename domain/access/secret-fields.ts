// Fields that no screen, export, filter, sort or change-history entry may ever contain.
export const SECRET_FIELDS: Readonly<Record<string, readonly string[]>> = {
  User: ['passwordHash'],
};
