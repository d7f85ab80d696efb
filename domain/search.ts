/** Lower case without diacritics: the TypeScript twin of the SQL function cmms_normalize(). */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** Text made literal inside a LIKE pattern (PostgreSQL's default escape character is the backslash),
 * so a search for "%", "_" or "\" finds those characters instead of matching anything. Prisma's
 * contains/startsWith/endsWith pass their operand into LIKE unescaped: give them this too. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The words of a search box, at most eight (a pasted paragraph is not eight hundred filters). */
export function searchWords(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean).slice(0, 8);
}
