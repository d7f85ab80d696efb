/** Lower case without diacritics: the TypeScript twin of the SQL function cmms_normalize(). */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}
