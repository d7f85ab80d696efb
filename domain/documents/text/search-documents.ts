// "Buscar en documentos": PostgreSQL full-text search over the passages of the documents a person may
// read, in Spanish and English (stems, accents folded, phrases in quotes, -word to exclude), ranked with
// ts_rank_cd, grouped by document with its best passages highlighted by ts_headline. Needs no extension
// beyond unaccent and no outside provider: it works on the embedded database. Where semantic search is on
// (semantic/semantic-search.ts), passages are ranked by full text and vector similarity fused instead.
import type { Prisma } from '@prisma/client';
import type { AppAbility } from '../../access/abilities.js';
import type { Db } from '../../../prisma/client.js';
import { getFullModel } from '../../../prisma/dmmf.js';
import { columnsOf, whereSql } from '../../../prisma/where-sql.js';
import { readableDocumentsWhere } from '../document-access.js';
import { rankChunksHybrid } from '../semantic/hybrid-ranking.js';
import { MATCHED_PASSAGES, RANKED_DOCUMENTS, RANKED_PASSAGES } from './ranked-passages.js';
import type { SemanticSearch } from '../semantic/semantic-search.js';

export interface DocumentSearch {
  text: string;
  kind?: string;
  state?: string;
  assetId?: number;
  /** Documents of assets (directly, or through their work order or request) under this location. */
  locationId?: number;
  /** Uploaded on or after / before (the newest revision's date). */
  from?: Date;
  to?: Date;
  page?: number;
}

export interface FoundPassage {
  chunkId: number;
  page: number | null;
  heading: string | null;
  /** Text with the matched words between «mark» markers: MARK_START / MARK_END, never HTML. */
  snippet: string;
}

export interface FoundDocument {
  id: number;
  code: string;
  title: string;
  kind: string;
  state: string;
  assetName: string | null;
  revision: { id: number; number: number; fileName: string };
  passages: FoundPassage[];
}

export const PAGE_SIZE = 20;
const PASSAGES_PER_DOCUMENT = 3;
// Markers no document text contains, turned into <mark> by the page after escaping the rest.
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

export interface SearchResult {
  total: number;
  documents: FoundDocument[];
  /** How the passages were ranked: hybrid only when semantic search is on and its provider answered. */
  ranking: 'fullText' | 'hybrid';
}

export async function searchDocuments(db: Db, ability: AppAbility, search: DocumentSearch, semantic?: SemanticSearch): Promise<SearchResult> {
  const text = search.text.trim().slice(0, 300);
  const candidates = text ? await candidatesWhere(db, ability, search) : null;
  if (!candidates) return { total: 0, documents: [], ranking: 'fullText' };
  const offset = (Math.max(1, search.page ?? 1) - 1) * PAGE_SIZE;
  if (semantic) {
    const ids = await idsOf(db, candidates);
    if (ids.length === 0) return { total: 0, documents: [], ranking: 'fullText' };
    const ranked = await rankChunksHybrid(db, semantic, text, ids);
    if (ranked.semantic) return hybridPage(db, text, ranked.chunks, offset);
  }

  // The candidates stay a condition inside the query (never a list of ids fetched first: a plant has
  // 100 000 documents). Both languages' queries are built; a passage is matched with its own language's
  // (a "válvulas" query stems differently in English), each through its language's GIN index.
  // Ranking is bounded (see RANKED_DOCUMENTS): every match is counted, but only the passages of the
  // shortlisted documents read their vector to be ranked by ts_rank_cd.
  const values: unknown[] = [text];
  const readable = whereSql(getFullModel('Document'), candidates as Record<string, unknown>, columnsOf('d'), values);
  const headlineOptions = `$${values.push(HEADLINE_OPTIONS)}`;
  const tier = Math.floor(offset / RANKED_DOCUMENTS);
  const rows = await db.$queryRawUnsafe<{ document_id: number; total: bigint; chunk_id: number; page: number | null; heading: string | null; snippet: string; revision_id: number }[]>(
    `WITH query AS (
      SELECT websearch_to_tsquery('cmms_es', $1) AS es, websearch_to_tsquery('cmms_en', $1) AS en
    ), matched AS MATERIALIZED (
      ${MATCHED_PASSAGES}
        AND EXISTS (SELECT 1 FROM documents d WHERE d.id = s.document_id AND ${readable})
    ), ${RANKED_PASSAGES(tier)}, documents AS (
      SELECT document_id, best FROM placed WHERE place = 1
      ORDER BY best DESC, document_id LIMIT ${PAGE_SIZE} OFFSET ${offset - tier * RANKED_DOCUMENTS}
    )
    SELECT d.document_id, (SELECT count(DISTINCT document_id) FROM matched) AS total, c.id AS chunk_id, c.revision_id, c.page, c.heading,
           ts_headline(CASE c.language WHEN 'en' THEN 'cmms_en' ELSE 'cmms_es' END::regconfig, c.text,
                       CASE c.language WHEN 'en' THEN q.en ELSE q.es END,
                       ${headlineOptions}) AS snippet
    FROM documents d
    JOIN placed p ON p.document_id = d.document_id AND p.place <= ${PASSAGES_PER_DOCUMENT}
    JOIN document_chunks c ON c.id = p.chunk_id
    CROSS JOIN query q
    ORDER BY d.best DESC, d.document_id, p.place`,
    ...values,
  );
  if (rows.length === 0) return { total: 0, documents: [], ranking: 'fullText' };
  return { total: Number(rows[0]!.total), documents: await describeDocuments(db, rows), ranking: 'fullText' };
}

/** The documents a person may read that pass the filters: the only ones searched, counted or cited. */
export async function candidateDocuments(db: Db, ability: AppAbility, search: Omit<DocumentSearch, 'text'>): Promise<number[]> {
  const candidates = await candidatesWhere(db, ability, search);
  return candidates ? idsOf(db, candidates) : [];
}

async function idsOf(db: Db, where: Prisma.DocumentWhereInput): Promise<number[]> {
  return (await db.document.findMany({ where, select: { id: true } })).map((document) => document.id);
}

/** The rule and the filters as one condition on documents, or null when nothing can match. */
async function candidatesWhere(db: Db, ability: AppAbility, search: Omit<DocumentSearch, 'text'>): Promise<Prisma.DocumentWhereInput | null> {
  const readable = readableDocumentsWhere(ability);
  if (!readable) return null;
  const locationPath = search.locationId ? (await db.location.findUnique({ where: { id: search.locationId }, select: { path: true } }))?.path : undefined;
  if (search.locationId && !locationPath) return null;
  return { AND: [readable, ...filters(search, locationPath)] };
}

interface PassageRow {
  document_id: number;
  chunk_id: number;
  page: number | null;
  heading: string | null;
  snippet: string;
  revision_id: number;
  /** The whole passage (only where it is asked for: a question's prompt). */
  text?: string;
}

// Documents ordered by their best fused passage; each shows its best three, marked where words match.
async function hybridPage(db: Db, text: string, chunks: { chunkId: number; documentId: number }[], offset: number): Promise<SearchResult> {
  const byDocument = new Map<number, number[]>();
  for (const chunk of chunks) {
    const list = byDocument.get(chunk.documentId) ?? [];
    if (list.length < PASSAGES_PER_DOCUMENT) list.push(chunk.chunkId);
    byDocument.set(chunk.documentId, list);
  }
  const page = [...byDocument].slice(offset, offset + PAGE_SIZE);
  const shown = page.flatMap(([, chunkIds]) => chunkIds);
  if (shown.length === 0) return { total: byDocument.size, documents: [], ranking: 'hybrid' };
  const snippets = await passageSnippets(db, text, shown);
  const rows = page.flatMap(([, chunkIds]) => chunkIds.map((id) => snippets.find((row) => row.chunk_id === id)!));
  return { total: byDocument.size, documents: await describeDocuments(db, rows), ranking: 'hybrid' };
}

/** Passages with the question's words marked (a passage found by meaning alone shows its beginning). */
export async function passageSnippets(db: Db, text: string, chunkIds: number[]): Promise<PassageRow[]> {
  return db.$queryRaw<PassageRow[]>`
    WITH query AS (SELECT websearch_to_tsquery('cmms_es', ${text}) AS es, websearch_to_tsquery('cmms_en', ${text}) AS en)
    SELECT r.document_id, c.id AS chunk_id, c.revision_id, c.page, c.heading, c.text,
           ts_headline(CASE c.language WHEN 'en' THEN 'cmms_en' ELSE 'cmms_es' END::regconfig, c.text,
                       CASE c.language WHEN 'en' THEN q.en ELSE q.es END, ${HEADLINE_OPTIONS}) AS snippet
    FROM document_chunks c JOIN document_revisions r ON r.id = c.revision_id CROSS JOIN query q
    WHERE c.id = ANY(${chunkIds}::int[])`;
}

async function describeDocuments(db: Db, rows: PassageRow[]): Promise<FoundDocument[]> {
  const documentIds = [...new Set(rows.map((row) => row.document_id))];
  const details = await db.document.findMany({
    where: { id: { in: documentIds } },
    select: { id: true, code: true, title: true, kind: true, state: true, asset: { select: { code: true, description: true } } },
  });
  const revisions = await db.documentRevision.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.revision_id))] } },
    select: { id: true, number: true, fileName: true },
  });
  const documents = documentIds.map((id): FoundDocument => {
    const detail = details.find((document) => document.id === id)!;
    const passages = rows.filter((row) => row.document_id === id);
    const revision = revisions.find((candidate) => candidate.id === passages[0]!.revision_id)!;
    return {
      id,
      code: detail.code,
      title: detail.title,
      kind: detail.kind,
      state: detail.state,
      assetName: detail.asset ? `${detail.asset.code} · ${detail.asset.description}` : null,
      revision,
      passages: passages.map((row) => ({ chunkId: row.chunk_id, page: row.page, heading: row.heading, snippet: row.snippet })),
    };
  });
  return documents;
}

function filters(search: Omit<DocumentSearch, 'text'>, locationPath: string | undefined): Prisma.DocumentWhereInput[] {
  const where: Prisma.DocumentWhereInput[] = [];
  if (search.kind) where.push({ kind: search.kind });
  if (search.state) where.push({ state: search.state });
  if (search.assetId) where.push({ OR: [{ assetId: search.assetId }, { workOrder: { is: { assetId: search.assetId } } }, { workRequest: { is: { assetId: search.assetId } } }] });
  if (locationPath) {
    const underLocation: Prisma.AssetWhereInput = { location: { is: { path: { startsWith: locationPath } } } };
    where.push({ OR: [{ asset: { is: underLocation } }, { workOrder: { is: { asset: { is: underLocation } } } }, { workRequest: { is: { asset: { is: underLocation } } } }] });
  }
  if (search.from || search.to)
    where.push({ revisions: { some: { uploadedAt: { ...(search.from ? { gte: search.from } : {}), ...(search.to ? { lt: search.to } : {}) } } } });
  return where;
}
