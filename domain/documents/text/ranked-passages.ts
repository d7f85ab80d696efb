// Full-text matching and ranking of passages, as fragments of one SQL statement shared by the search page
// (search-documents.ts) and the full-text side of hybrid search (semantic/hybrid-ranking.ts). Both expect
// a CTE `query` (es, en: the query in each language's configuration) and name theirs `matched` (the
// readable matches, from MATCHED_PASSAGES plus the caller's conditions) and `placed` (RANKED_PASSAGES).
/**
 * Ranking is bounded: ts_rank_cd reads a passage's whole vector (out of line, a few kB), so ranking all
 * 15 000 passages two common words match in a million took most of a search's time. Every match is
 * still found and counted (the narrow rows of document_chunk_search, no vector read); then the documents
 * are shortlisted by what their rows tell at no cost, those whose heading holds the words first, then the
 * most recently read, RANKED_DOCUMENTS of them (pages past them rank the next RANKED_DOCUMENTS), and
 * only their passages, at most RANKED_PER_DOCUMENT each, are ranked. Up to that many matching documents
 * the ranking is exactly ts_rank_cd over every matching passage; past it, the best of an older manual
 * whose headings miss the words may be left out of the ranked pages (it is still counted).
 */
export const RANKED_DOCUMENTS = 200; // a multiple of the page size: a page never spans two shortlists
export const RANKED_PER_DOCUMENT = 20;

// The passages matching the query (`query` of the statement), their document and whether their heading
// holds the words: read from the narrow rows only (the GIN index of each language decides the match).
export const MATCHED_PASSAGES = `
      SELECT s.chunk_id, s.document_id,
             coalesce(s.heading_vector @@ CASE s.language WHEN 'en' THEN q.en ELSE q.es END, false) AS in_heading
      FROM query q CROSS JOIN LATERAL (
        SELECT * FROM document_chunk_search WHERE language = 'es' AND search_vector @@ q.es
        UNION ALL
        SELECT * FROM document_chunk_search WHERE language = 'en' AND search_vector @@ q.en
      ) s
      WHERE TRUE`;

// From `matched`: the passages of one shortlist of documents ranked (`placed`: place 1 is a document's
// best, `best` its rank). Shortlist `tier` is the tier-th RANKED_DOCUMENTS documents in the cheap order,
// so pages of results deeper than the first shortlist rank the next one and no document shows twice.
// Only here are vectors read: at most RANKED_DOCUMENTS × RANKED_PER_DOCUMENT of them.
export const RANKED_PASSAGES = (tier: number) => `shortlist AS (
      SELECT document_id FROM matched GROUP BY document_id
      ORDER BY bool_or(in_heading) DESC, max(chunk_id) DESC, document_id
      LIMIT ${RANKED_DOCUMENTS} OFFSET ${RANKED_DOCUMENTS * Math.trunc(tier)}
    ), ranked AS (
      SELECT s.chunk_id, s.document_id, ts_rank_cd(s.search_vector, CASE s.language WHEN 'en' THEN q.en ELSE q.es END) AS rank
      FROM (
        SELECT m.chunk_id, row_number() OVER (PARTITION BY m.document_id ORDER BY m.in_heading DESC, m.chunk_id) AS nth
        FROM matched m JOIN shortlist l ON l.document_id = m.document_id
      ) m
      JOIN document_chunk_search s ON s.chunk_id = m.chunk_id
      CROSS JOIN query q
      WHERE m.nth <= ${RANKED_PER_DOCUMENT}
    ), placed AS (
      SELECT r.*, row_number() OVER (PARTITION BY r.document_id ORDER BY r.rank DESC, r.chunk_id) AS place,
             max(r.rank) OVER (PARTITION BY r.document_id) AS best
      FROM ranked r
    )`;
