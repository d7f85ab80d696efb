// Cutting sections into passages search can rank and cite: about 200 words each, the last 40 words of one
// repeated at the start of the next so a sentence cut in two is still found whole in one of them. A
// passage keeps the page it starts on and the heading it falls under.
import type { TextSection } from './read-file-text.js';

export interface TextChunk {
  ordinal: number;
  page: number | null;
  heading: string | null;
  text: string;
}

export const CHUNK_WORDS = 200;
export const OVERLAP_WORDS = 40;

export function chunkSections(sections: TextSection[], size = CHUNK_WORDS, overlap = OVERLAP_WORDS): TextChunk[] {
  const chunks: TextChunk[] = [];
  for (const section of sections) {
    const words = section.text.split(/\s+/).filter(Boolean);
    for (let start = 0; start < words.length; start += size - overlap) {
      chunks.push({ ordinal: chunks.length + 1, page: section.page, heading: section.heading, text: words.slice(start, start + size).join(' ') });
      if (start + size >= words.length) break;
    }
  }
  return chunks;
}
