// "Preguntar a los documentos": a question answered from the passages the person may read (the same
// candidate documents as the search page, so a source is never a passage they could not open). With a
// chat provider, it writes an answer citing its sources as [n]; without one, or when it fails, the answer
// is extractive: the best passages with the question's words marked, so the feature works offline. When
// nothing supports an answer it says so instead of guessing.
import type { AppAbility } from '../../access/abilities.js';
import type { ChatProvider } from '../../../integrations/ai/index.js';
import { ProviderError } from '../../../integrations/ai/index.js';
import type { Db } from '../../../prisma/client.js';
import { rankChunksFullText, rankChunksHybrid, type RankedChunk } from '../semantic/hybrid-ranking.js';
import type { SemanticSearch } from '../semantic/semantic-search.js';
import { candidateDocuments, passageSnippets } from '../text/search-documents.js';

/** Passages given to the model; the extractive answer shows the first EXTRACTIVE_PASSAGES. */
export const PASSAGES_FOR_ANSWER = 6;
export const EXTRACTIVE_PASSAGES = 3;
/** What the model is told to say when the passages hold no answer (the page shows its own sentence). */
export const NOT_FOUND = 'NO_ENCONTRADO';

export interface AnswerSource {
  /** The [n] the answer cites it by. */
  n: number;
  documentId: number;
  code: string;
  title: string;
  revision: { id: number; number: number };
  page: number | null;
  heading: string | null;
  /** The passage with the question's words between MARK_START / MARK_END. */
  snippet: string;
}

export type Answer =
  | { mode: 'generated'; text: string; sources: AnswerSource[] }
  | { mode: 'extractive'; sources: AnswerSource[]; reason: 'noChat' | 'chatFailed' }
  | { mode: 'notFound'; sources: [] };

export async function askDocuments(
  db: Db,
  ability: AppAbility,
  question: string,
  providers: { semantic?: SemanticSearch; chat?: ChatProvider | null; language: 'es' | 'en' },
): Promise<Answer> {
  const text = question.trim().slice(0, 500);
  const documentIds = text ? await candidateDocuments(db, ability, {}) : [];
  if (documentIds.length === 0) return { mode: 'notFound', sources: [] };
  const ranked: RankedChunk[] = providers.semantic
    ? (await rankChunksHybrid(db, providers.semantic, text, documentIds, { anyWord: true })).chunks
    : await rankChunksFullText(db, text, documentIds, { anyWord: true, limit: PASSAGES_FOR_ANSWER });
  const top = ranked.slice(0, PASSAGES_FOR_ANSWER);
  if (top.length === 0) return { mode: 'notFound', sources: [] };
  const { sources, passageTexts } = await describeSources(db, text, top);

  if (!providers.chat) return { mode: 'extractive', sources: sources.slice(0, EXTRACTIVE_PASSAGES), reason: 'noChat' };
  let reply: string;
  try {
    reply = await providers.chat.complete([
      { role: 'system', content: instructions(providers.language) },
      { role: 'user', content: prompt(text, sources, passageTexts) },
    ]);
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    return { mode: 'extractive', sources: sources.slice(0, EXTRACTIVE_PASSAGES), reason: 'chatFailed' };
  }
  if (reply.includes(NOT_FOUND) || !reply.trim()) return { mode: 'notFound', sources: [] };
  const cited = new Set([...reply.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])));
  // Sources are those the answer cites; an answer citing none shows every passage it was given.
  const shown = sources.filter((source) => cited.has(source.n));
  return { mode: 'generated', text: reply.trim(), sources: shown.length ? shown : sources };
}

async function describeSources(db: Db, text: string, chunks: RankedChunk[]): Promise<{ sources: AnswerSource[]; passageTexts: string[] }> {
  const passages = await passageSnippets(db, text, chunks.map((chunk) => chunk.chunkId));
  const documents = await db.document.findMany({ where: { id: { in: chunks.map((chunk) => chunk.documentId) } }, select: { id: true, code: true, title: true } });
  const revisions = await db.documentRevision.findMany({ where: { id: { in: passages.map((passage) => passage.revision_id) } }, select: { id: true, number: true } });
  const sources = chunks.map((chunk, index) => {
    const passage = passages.find((row) => row.chunk_id === chunk.chunkId)!;
    const document = documents.find((row) => row.id === chunk.documentId)!;
    return {
      n: index + 1,
      documentId: document.id,
      code: document.code,
      title: document.title,
      revision: revisions.find((row) => row.id === passage.revision_id)!,
      page: passage.page,
      heading: passage.heading,
      snippet: passage.snippet,
    };
  });
  return { sources, passageTexts: chunks.map((chunk) => passages.find((row) => row.chunk_id === chunk.chunkId)!.text ?? '') };
}

function instructions(language: 'es' | 'en'): string {
  return [
    'You answer questions of maintenance staff of an industrial plant using ONLY the numbered passages given.',
    `Answer in ${language === 'en' ? 'English' : 'Spanish'}, briefly, and cite every passage you use as [n].`,
    `If the passages do not contain the answer, reply exactly ${NOT_FOUND} and nothing else. Never invent values.`,
  ].join(' ');
}

function prompt(question: string, sources: AnswerSource[], texts: string[]): string {
  const passages = sources.map((source, i) => `[${source.n}] ${source.code} · ${source.title} · rev. ${source.revision.number}${source.page ? ` · p. ${source.page}` : ''}\n${texts[i]!.replace(/\s+/g, ' ')}`);
  return `Pregunta: ${question.replace(/\s+/g, ' ')}\n\nFragmentos:\n${passages.join('\n')}`;
}
