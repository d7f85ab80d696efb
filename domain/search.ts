/** Lower case without diacritics: the TypeScript twin of the SQL function cmms_normalize(). */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** The words of a search box, at most eight (a pasted paragraph is not eight hundred filters). */
export function searchWords(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean).slice(0, 8);
}
