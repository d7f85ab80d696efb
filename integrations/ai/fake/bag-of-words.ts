// The fake's "model": a hashed bag of words. Words are folded (case, accents, a plural s), a few synonyms
// share one word so a test can show the vector side finding what full-text search misses ("torque" for
// "apriete"), and each word adds to one dimension chosen by its hash. Deterministic, so tests assert ranks.

const STOP_WORDS = new Set('el la los las de del y o en un una unos unas que por para con sin se su sus al es the of and or to in on a an for with is are what how cual cuanto cuando como donde'.split(' '));
const SYNONYMS: Record<string, string> = { torque: 'apriete', cojinete: 'rodamiento', bearing: 'rodamiento', tornillo: 'perno', bolt: 'perno', pump: 'bomba' };

export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map((word) => (word.length > 4 && word.endsWith('es') ? word.slice(0, -2) : word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word))
    .map((word) => SYNONYMS[word] ?? word);
}

function fnv1a(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

export function bagOfWordsVector(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of wordsOf(text)) vector[fnv1a(word) % (dimensions - 1)]! += 1;
  // A constant component keeps a text without words from being the zero vector (no cosine distance).
  vector[dimensions - 1] = 0.05;
  const length = Math.hypot(...vector);
  return vector.map((value) => value / length);
}
