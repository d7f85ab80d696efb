// Semantic search, "Preguntar a los documentos" and OCR (issue 22), against real parts: the fake AI
// provider over HTTP on 127.0.0.1 (OpenAI-compatible embeddings and chat, the OCR webhook), the real
// embedded PostgreSQL for documents, rights and full text, and for the vector SQL PGlite with its
// pgvector build, in-process: the embedded server has no pgvector (see the README, "Semantic search").
// The vector side holds a copy of the passages (id, revision, text) made from the real database, so the
// same statements run as on a production database with pgvector.
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite/vector';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abilityOf } from '../admin/access.js';
import { loadCurrentUser } from '../domain/access/current-user.js';
import { askDocuments } from '../domain/documents/questions/ask-documents.js';
import { embeddingModelKey, embedPendingChunks } from '../domain/documents/semantic/embed-chunks.js';
import { fuseRankings } from '../domain/documents/semantic/fuse-rankings.js';
import type { SemanticSearch } from '../domain/documents/semantic/semantic-search.js';
import { detectVectorStore, ensureVectorIndex, forgetEmbeddings, nearestChunks, type SqlClient } from '../domain/documents/semantic/vector-store.js';
import { indexPendingRevisions } from '../domain/documents/text/index-revisions.js';
import { OCR_MAX_ATTEMPTS, readScannedRevisions } from '../domain/documents/text/read-scans.js';
import { searchDocuments } from '../domain/documents/text/search-documents.js';
import { startFakeAi, type FakeAi } from '../integrations/ai/fake/fake-ai-server.js';
import { createAiProviders, ProviderError } from '../integrations/ai/index.js';
import { openAiCompatibleChat, openAiCompatibleEmbeddings } from '../integrations/ai/openai-compatible.js';
import { ocrWebhook } from '../integrations/ocr/ocr-webhook.js';
import { embedDocumentPassagesJob } from '../jobs/embed-document-passages.job.js';
import { readScannedDocumentsJob } from '../jobs/read-scanned-documents.job.js';
import { loadConfig } from '../server/config.js';
import { pino } from 'pino';
import type { JobContext } from '../jobs/job.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import { A_PNG, uploadRevision } from './support/documents.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';
import { aTextPdf } from './support/text-files.js';

const DIMENSIONS = 256;
let fake: FakeAi;
let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let technician: Person;
let colleague: Person;
let vectors: PGlite;
let vectorSql: SqlClient;
let semantic: SemanticSearch;

const embeddings = () => openAiCompatibleEmbeddings({ baseUrl: `${fake.url}/v1`, model: 'fake-bag-of-words', dimensions: DIMENSIONS, batchSize: 2, perMinute: 100, timeoutMs: 5_000 });
const chat = () => openAiCompatibleChat({ baseUrl: `${fake.url}/v1`, model: 'fake-extractive', timeoutMs: 5_000 });
const abilityOfPerson = async (person: Person) => abilityOf(await loadCurrentUser(prisma, person.userId));
const titles = (documents: { title: string }[]) => documents.map((document) => document.title);

async function aDocument(data: { title: string; kind?: string; assetId?: number; workOrderId?: number }) {
  return prisma.document.create({ data: { kind: 'MANUAL', ...data } });
}
async function upload(person: Person, documentId: number, content: Buffer, fileName: string) {
  const { status, body } = await uploadRevision(person.client, documentId, content, fileName);
  expect(status, JSON.stringify(body)).toBe(201);
  return body.revision!.id;
}
/** The vector side's copy of the passages, as they are now in the real database. */
async function copyPassagesToVectorSide() {
  const chunks = await prisma.documentChunk.findMany({ select: { id: true, revisionId: true, heading: true, text: true } });
  await vectors.query('DELETE FROM document_chunks WHERE NOT (id = ANY($1::int[]))', [chunks.map((chunk) => chunk.id)]);
  for (const chunk of chunks)
    await vectors.query('INSERT INTO document_chunks (id, revision_id, heading, text) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', [chunk.id, chunk.revisionId, chunk.heading, chunk.text]);
}

beforeAll(async () => {
  fake = await startFakeAi({ dimensions: DIMENSIONS });
  // Embeddings configured, no chat, no OCR: the embedded database has no pgvector, so semantic search is off.
  office = await startTestBackOffice({ jobs: [], env: { EMBEDDINGS_URL: `${fake.url}/v1`, EMBEDDINGS_MODEL: 'fake-bag-of-words', EMBEDDINGS_DIMENSIONS: String(DIMENSIONS) } });
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  colleague = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Carlos Colega', { technician: true });
  const pump = await make.anAsset(prisma, { code: 'BOM-201', description: 'Bomba de alimentación' });
  const colleaguesOrder = await prisma.workOrder.create({
    data: { kind: 'CORRECTIVE', assetId: pump.id, technicianId: colleague.technicianId!, state: 'ASSIGNED', plannedOn: new Date('2026-11-23'), description: 'Cambiar sello' },
  });
  const manual = await aDocument({ title: 'Manual de la bomba de alimentación', assetId: pump.id });
  await upload(supervisor, manual.id, await aTextPdf([
    'Capítulo 1. Instalación de la bomba sobre su bancada.',
    'Capítulo 2. El par de apriete de los pernos de la brida es 45 N·m. Apriete en cruz.',
    'Capítulo 3. Lubricación de los rodamientos con grasa de litio cada 2000 horas.',
  ]), 'Manual.pdf');
  const attachment = await aDocument({ title: 'Informe de cavitación', kind: 'REPORT', workOrderId: colleaguesOrder.id });
  await upload(colleague, attachment.id, await aTextPdf(['El sello mecánico de la bomba falló por cavitación en la succión; el par de apriete de la brida era 30 N·m.']), 'Informe.pdf');
  expect((await indexPendingRevisions(prisma, office.storage)).map((outcome) => outcome.state)).toEqual(['EXTRACTED', 'EXTRACTED']);

  vectors = new PGlite({ extensions: { vector } });
  vectorSql = vectors;
  await vectors.exec('CREATE TABLE document_chunks (id integer PRIMARY KEY, revision_id integer NOT NULL, heading text, text text NOT NULL)');
  semantic = { provider: embeddings(), sql: vectorSql };
}, 300_000);
afterAll(async () => {
  await office?.close();
  await vectors?.close();
  await fake?.close();
});

describe('the vector store (PGlite with pgvector, the same SQL as production)', () => {
  it("the migration's vector block creates the embeddings table where pgvector exists, and the index follows the model's size", async () => {
    const migration = await readFile(new URL('../prisma/migrations/20261130121934_semantic_search/migration.sql', import.meta.url), 'utf8');
    const block = /-- vector:begin\n([\s\S]*?)-- vector:end/.exec(migration)?.[1];
    expect(block).toContain('CREATE TABLE IF NOT EXISTS document_chunk_embeddings');
    expect(await detectVectorStore(vectorSql)).toEqual({ available: false, reason: 'noExtension' });
    await vectors.exec(block!);
    await vectors.exec(block!); // applied twice (a restored database): no error
    expect(await detectVectorStore(vectorSql)).toEqual({ available: true });
    await ensureVectorIndex(vectorSql, DIMENSIONS);
    const indexes = await vectors.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE tablename = 'document_chunk_embeddings' AND indexname LIKE '%hnsw%'`);
    expect(indexes.rows.map((row) => row.indexdef)).toEqual([expect.stringMatching(new RegExp(`USING hnsw \\(\\(\\(embedding\\)::vector\\(${DIMENSIONS}\\)\\) vector_cosine_ops\\) WHERE \\(dimensions = ${DIMENSIONS}\\)`))]);
  });

  it('embeds passages in batches within the per-minute budget, over HTTP, and the next run goes on where it stopped', async () => {
    await copyPassagesToVectorSide();
    const total = await prisma.documentChunk.count();
    expect(total).toBe(4);
    const before = fake.calls.filter((call) => call.path === '/v1/embeddings').length;
    expect(await embedPendingChunks(vectorSql, embeddings(), { batchSize: 2, budget: 3 })).toEqual({ embedded: 3, left: true });
    // Batches of two within a budget of three: calls of 2 and 1 passages.
    expect(fake.calls.filter((call) => call.path === '/v1/embeddings').slice(before).map((call) => (call.body.input as string[]).length)).toEqual([2, 1]);
    expect(await embedPendingChunks(vectorSql, embeddings(), { batchSize: 2, budget: 3 })).toEqual({ embedded: 1, left: false });
    expect(await embedPendingChunks(vectorSql, embeddings(), { batchSize: 2, budget: 3 })).toEqual({ embedded: 0, left: false });
    const stored = await vectors.query<{ model: string; dimensions: number; count: number }>('SELECT model, dimensions, count(*)::int AS count FROM document_chunk_embeddings GROUP BY 1, 2');
    expect(stored.rows).toEqual([{ model: embeddingModelKey({ model: 'fake-bag-of-words', dimensions: DIMENSIONS }), dimensions: DIMENSIONS, count: total }]);
  });

  it('finds the nearest passages by meaning among the given revisions only, through the HNSW index', async () => {
    const [question] = await embeddings().embed(['torque de la brida']);
    const manualRevision = await prisma.documentRevision.findFirstOrThrow({ where: { document: { title: 'Manual de la bomba de alimentación' } } });
    const nearest = await nearestChunks(vectorSql, { model: embeddingModelKey(semantic.provider), vector: question!, revisionIds: [manualRevision.id], limit: 3 });
    const texts = await prisma.documentChunk.findMany({ where: { id: { in: nearest.map((n) => n.chunkId) } } });
    const textOf = (id: number) => texts.find((chunk) => chunk.id === id)!.text;
    expect(textOf(nearest[0]!.chunkId)).toContain('par de apriete de los pernos de la brida');
    expect(nearest.map((n) => n.distance)).toEqual([...nearest.map((n) => n.distance)].sort((a, b) => a - b));
    // The attachment's passage (another revision) is never among them.
    expect(texts.every((chunk) => chunk.revisionId === manualRevision.id)).toBe(true);
    // The query's expression is the index's: the planner can use it.
    await vectors.exec('SET enable_seqscan = off');
    const plan = await vectors.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT chunk_id FROM document_chunk_embeddings e WHERE e.model = $1 AND e.dimensions = ${DIMENSIONS} ORDER BY e.embedding::vector(${DIMENSIONS}) <=> $2::vector(${DIMENSIONS}) LIMIT 3`,
      [embeddingModelKey(semantic.provider), JSON.stringify(question)],
    );
    await vectors.exec('RESET enable_seqscan');
    expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain(`document_chunk_embeddings_hnsw_${DIMENSIONS}`);
  });

  it('refuses vectors of another size than configured, and a passage deleted takes its vector with it', async () => {
    const wrongSize = openAiCompatibleEmbeddings({ baseUrl: `${fake.url}/v1`, model: 'fake-bag-of-words', dimensions: 768, batchSize: 2, perMinute: 10, timeoutMs: 5_000 });
    await expect(wrongSize.embed(['bomba'])).rejects.toThrow(/returns 256 dimensions, EMBEDDINGS_DIMENSIONS says 768/);
    await vectors.query('INSERT INTO document_chunks (id, revision_id, text) VALUES (999999, 1, $1)', ['pasaje temporal']);
    await embedPendingChunks(vectorSql, embeddings(), { batchSize: 10, budget: 10 });
    await vectors.query('DELETE FROM document_chunks WHERE id = 999999');
    expect((await vectors.query('SELECT 1 FROM document_chunk_embeddings WHERE chunk_id = 999999')).rows).toEqual([]);
  });

  it('re-embedding after a model change is one command: every vector is dropped, and the next runs embed all again', async () => {
    const total = await prisma.documentChunk.count();
    expect(await forgetEmbeddings(vectorSql)).toBe(total);
    expect(await embedPendingChunks(vectorSql, embeddings(), { batchSize: 10, budget: 100 })).toEqual({ embedded: total, left: false });
  });
});

describe('hybrid search (full text on the real database, vectors on PGlite, fused by reciprocal rank)', () => {
  it('reciprocal rank fusion rewards a passage both rankings place high', () => {
    expect(fuseRankings([[1, 2, 3], [3, 1, 4]]).map((item) => item.id)).toEqual([1, 3, 2, 4]);
  });

  it('finds by meaning what the words alone miss, and never a passage the person may not read', async () => {
    const supervisors = await abilityOfPerson(supervisor);
    expect(await searchDocuments(prisma, supervisors, { text: 'torque brida' })).toMatchObject({ total: 0, ranking: 'fullText' });
    const hybrid = await searchDocuments(prisma, supervisors, { text: 'torque brida' }, semantic);
    expect(hybrid.ranking).toBe('hybrid');
    expect(titles(hybrid.documents)).toEqual(expect.arrayContaining(['Manual de la bomba de alimentación', 'Informe de cavitación']));
    expect(hybrid.documents.find((document) => document.title.startsWith('Manual'))!.passages[0]!.page).toBe(2);
    // The technician: the colleague's attachment is out of the candidates, so neither side may return it.
    const technicians = await abilityOfPerson(technician);
    const found = await searchDocuments(prisma, technicians, { text: 'cavitacion sello brida' }, semantic);
    expect(titles(found.documents)).toEqual(['Manual de la bomba de alimentación']);
    expect(found.total).toBe(1);
  });

  it('falls back to full text alone when the embeddings provider is down', async () => {
    fake.down = true;
    try {
      const found = await searchDocuments(prisma, await abilityOfPerson(supervisor), { text: 'rodamientos' }, semantic);
      expect(found).toMatchObject({ ranking: 'fullText', total: 1 });
      await expect(embeddings().embed(['x'])).rejects.toBeInstanceOf(ProviderError);
    } finally {
      fake.down = false;
    }
  });
});

describe('on the embedded database (no pgvector)', () => {
  it('the migration left no vector table, the page says why semantic search is off, and full text works', async () => {
    expect((await office.database.pool.query(`SELECT to_regclass('document_chunk_embeddings') AS t`)).rows[0].t).toBeNull();
    const { status, body } = await supervisor.client.json<{ total: number; semantic: { on: boolean; reason: string } }>('/admin/documents/search?q=rodamientos');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 1, semantic: { on: false, reason: 'noExtension' } });
    const job = await embedDocumentPassagesJob.handle({}, { pool: office.database.pool, embeddings: { provider: embeddings(), batchSize: 10, perMinute: 10 } } as unknown as JobContext);
    expect(job).toEqual({ embedded: 0, off: 'noExtension' });
  });
});

describe('Preguntar a los documentos', () => {
  const ask = (person: Person, question: string) =>
    person.client.json<{ mode: string; reason?: string; text?: string; sources: { title: string; code: string; page: number | null; revision: { id: number; number: number }; snippet: string }[]; markers: { start: string; end: string } }>('/admin/documents/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
    });

  it('without a language model, answers with the best passages, their page and the words marked (works offline)', async () => {
    const { status, body } = await ask(supervisor, '¿Cuál es el par de apriete de los pernos de la brida?');
    expect(status).toBe(200);
    expect(body).toMatchObject({ mode: 'extractive', reason: 'noChat' });
    expect(body.sources[0]).toMatchObject({ title: 'Manual de la bomba de alimentación', page: 2, revision: { number: 1 } });
    expect(body.sources[0]!.snippet.replaceAll(body.markers.start, '[').replaceAll(body.markers.end, ']')).toContain('[par] de [apriete] de los [pernos] de la [brida]');
  });

  it("never cites a passage the asker may not read, and says so when nothing answers", async () => {
    const { body } = await ask(technician, '¿Por qué falló el sello por cavitación?');
    expect(body.sources.map((source) => source.title)).not.toContain('Informe de cavitación');
    const colleagues = await ask(colleague, '¿Por qué falló el sello por cavitación?');
    expect(colleagues.body.sources[0]!.title).toBe('Informe de cavitación');
    expect((await ask(supervisor, '¿De qué color es el techo del almacén?')).body).toMatchObject({ mode: 'notFound', sources: [] });
  });

  it('with a chat provider, answers citing its sources; the model sees only readable passages; a failed model falls back to passages', async () => {
    const technicians = await abilityOfPerson(technician);
    const before = fake.calls.length;
    const answer = await askDocuments(prisma, technicians, '¿Cuál es el par de apriete de los pernos de la brida?', { chat: chat(), semantic, language: 'es' });
    expect(answer.mode).toBe('generated');
    expect(answer.mode === 'generated' && answer.text).toMatch(/45 N·m.*\[\d\]/);
    expect(answer.sources.map((source) => [source.title, source.page])).toEqual([['Manual de la bomba de alimentación', 2]]);
    const prompts = fake.calls.slice(before).filter((call) => call.path === '/v1/chat/completions').map((call) => JSON.stringify(call.body));
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).not.toContain('cavitación');
    expect((await askDocuments(prisma, technicians, '¿De qué color es el techo del almacén de la planta?', { chat: chat(), semantic, language: 'es' })).mode).toBe('notFound');
    fake.down = true;
    try {
      expect(await askDocuments(prisma, technicians, '¿Cuál es el par de apriete de la brida?', { chat: chat(), language: 'es' })).toMatchObject({ mode: 'extractive', reason: 'chatFailed' });
    } finally {
      fake.down = false;
    }
  });

  it('refuses an empty question with 400, and the eleventh question in a minute with 429', async () => {
    const asker = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Pedro Preguntón');
    expect((await ask(asker, '   ')).status).toBe(400);
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await ask(asker, 'rodamientos grasa')).status);
    expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('OCR through the webhook', () => {
  it('sends a photo without text to the OCR service, retries a failure, and makes its text searchable', async () => {
    const photo = await aDocument({ title: 'Foto de la placa del motor', kind: 'PHOTO' });
    const revisionId = await upload(supervisor, photo.id, A_PNG, 'placa.png');
    expect(await indexPendingRevisions(prisma, office.storage, { ocr: true })).toEqual([{ revisionId, state: 'OCR_PENDING', chunks: 0 }]);
    const ocr = ocrWebhook({ url: `${fake.url}/ocr`, perMinute: 10, timeoutMs: 5_000 });
    fake.ocrFailures = 1;
    expect(await readScannedRevisions(prisma, office.storage, ocr)).toEqual([{ revisionId, state: 'OCR_PENDING', chunks: 0 }]);
    expect(await prisma.documentRevision.findUniqueOrThrow({ where: { id: revisionId } })).toMatchObject({ textState: 'OCR_PENDING', ocrAttempts: 1, textError: `OCR (1/${OCR_MAX_ATTEMPTS}): the OCR service answered 500` });
    expect(await readScannedRevisions(prisma, office.storage, ocr)).toEqual([{ revisionId, state: 'EXTRACTED', chunks: 1 }]);
    expect(fake.calls.filter((call) => call.path === '/ocr').at(-1)!.body).toEqual({ size: A_PNG.length, contentType: 'image/png' });
    const { body } = await supervisor.client.json<{ documents: { title: string; passages: { page: number }[] }[] }>('/admin/documents/search?q=placa+motor+kW');
    expect(body.documents.map((document) => [document.title, document.passages[0]!.page])).toEqual([['Foto de la placa del motor', 1]]);
  });

  it('marks the file as failed with the reason after the last attempt', async () => {
    const photo = await aDocument({ title: 'Foto borrosa', kind: 'PHOTO' });
    const revisionId = await upload(supervisor, photo.id, A_PNG, 'borrosa.png');
    await indexPendingRevisions(prisma, office.storage, { ocr: true });
    const ocr = ocrWebhook({ url: `${fake.url}/ocr`, perMinute: 10, timeoutMs: 5_000 });
    fake.ocrFailures = OCR_MAX_ATTEMPTS;
    for (let i = 0; i < OCR_MAX_ATTEMPTS; i++) await readScannedRevisions(prisma, office.storage, ocr);
    expect(await prisma.documentRevision.findUniqueOrThrow({ where: { id: revisionId } })).toMatchObject({
      textState: 'FAILED',
      ocrAttempts: OCR_MAX_ATTEMPTS,
      textError: `OCR (${OCR_MAX_ATTEMPTS}/${OCR_MAX_ATTEMPTS}): the OCR service answered 500`,
    });
    expect(await readScannedRevisions(prisma, office.storage, ocr)).toEqual([]);
  });
});

describe("the users' n8n flows as providers (EMBEDDINGS_PROVIDER=n8n, CHAT_PROVIDER=n8n)", () => {
  const n8nEnv = (secret: string) => ({
    EMBEDDINGS_PROVIDER: 'n8n', EMBEDDINGS_URL: `${fake.url}/webhook/embeddings`, EMBEDDINGS_MODEL: 'n8n-gemini', EMBEDDINGS_DIMENSIONS: String(DIMENSIONS),
    CHAT_PROVIDER: 'n8n', CHAT_URL: `${fake.url}/webhook/chat-documento`, CHAT_MODEL: 'n8n-chat-documento',
    AI_WEBHOOK_SECRET: secret,
  });

  it('embeds every passage through the signed embeddings webhook, and answers a question through the chat webhook', async () => {
    const providers = createAiProviders(loadConfig(n8nEnv(fake.webhookSecret)).ai);
    await copyPassagesToVectorSide();
    const before = fake.calls.length;
    await forgetEmbeddings(vectorSql);
    const total = await prisma.documentChunk.count();
    expect(await embedPendingChunks(vectorSql, providers.embeddings!, { batchSize: 10, budget: 100 })).toEqual({ embedded: total, left: false });
    const calls = fake.calls.slice(before);
    expect(calls.map((call) => call.path)).toEqual(['/webhook/embeddings']);
    expect(calls[0]!.body).toMatchObject({ model: 'n8n-gemini', dimensions: DIMENSIONS, texts: expect.arrayContaining([expect.stringContaining('par de apriete')]) });
    const n8nSemantic: SemanticSearch = { provider: providers.embeddings!, sql: vectorSql };
    const found = await searchDocuments(prisma, await abilityOfPerson(supervisor), { text: 'torque brida' }, n8nSemantic);
    expect(found.ranking).toBe('hybrid');
    const answer = await askDocuments(prisma, await abilityOfPerson(technician), '¿Cuál es el par de apriete de los pernos de la brida?', { chat: providers.chat, semantic: n8nSemantic, language: 'es' });
    expect(answer.mode === 'generated' && answer.text).toMatch(/45 N·m.*\[\d\]/);
    const chatCall = fake.calls.slice(before).find((call) => call.path === '/webhook/chat-documento')!;
    expect(chatCall.body).toMatchObject({ model: 'n8n-chat-documento', question: expect.stringContaining('Pregunta: ¿Cuál es el par de apriete') });
    // The same re-embedding command as for any model: put the OpenAI-compatible vectors back for the other tests.
    await forgetEmbeddings(vectorSql);
    await embedPendingChunks(vectorSql, embeddings(), { batchSize: 10, budget: 100 });
  });

  it('a body signed with another key is refused by the flow, and the search degrades with the reason', async () => {
    const providers = createAiProviders(loadConfig(n8nEnv('another-secret-that-n8n-does-not-know-0123')).ai);
    await expect(providers.embeddings!.embed(['bomba'])).rejects.toThrow(/answered 401/);
    await expect(providers.chat!.complete([{ role: 'user', content: 'x' }])).rejects.toBeInstanceOf(ProviderError);
    const found = await searchDocuments(prisma, await abilityOfPerson(supervisor), { text: 'rodamientos' }, { provider: providers.embeddings!, sql: vectorSql });
    expect(found).toMatchObject({ ranking: 'fullText', total: 1 });
  });

  it('refuses to start with an n8n provider and no key to sign its bodies', () => {
    const { AI_WEBHOOK_SECRET: _secret, ...unsigned } = n8nEnv('x');
    expect(() => loadConfig(unsigned)).toThrow(/AI_WEBHOOK_SECRET: is required with EMBEDDINGS_PROVIDER=n8n/);
    expect(() => loadConfig({ ...n8nEnv(fake.webhookSecret), CHAT_PROVIDER: 'gemini' })).toThrow(/CHAT_PROVIDER: must be openai .* or n8n/);
  });
});

describe("the OCR service's budget (OCR_PER_MINUTE)", () => {
  it('one run of the job sends at most OCR_PER_MINUTE files; the next run takes the rest', async () => {
    const ids = [];
    for (const name of ['placa-a.png', 'placa-b.png', 'placa-c.png']) {
      const photo = await aDocument({ title: `Foto ${name}`, kind: 'PHOTO' });
      ids.push(await upload(supervisor, photo.id, A_PNG, name));
    }
    await indexPendingRevisions(prisma, office.storage, { ocr: true });
    const config = loadConfig({ OCR_URL: `${fake.url}/ocr`, OCR_PER_MINUTE: '2' });
    const context = { prisma, storage: office.storage, ocr: ocrWebhook(config.ocr!), logger: pino({ level: 'silent' }) } as unknown as JobContext;
    const before = fake.calls.filter((call) => call.path === '/ocr').length;
    expect(await readScannedDocumentsJob.handle(readScannedDocumentsJob.parse({}), context)).toEqual({ revisions: 2, failed: 0 });
    expect(fake.calls.filter((call) => call.path === '/ocr').length - before).toBe(2);
    expect(await readScannedDocumentsJob.handle(readScannedDocumentsJob.parse({}), context)).toEqual({ revisions: 1, failed: 0 });
    const states = await prisma.documentRevision.findMany({ where: { id: { in: ids } }, select: { textState: true } });
    expect(states.map((revision) => revision.textState)).toEqual(['EXTRACTED', 'EXTRACTED', 'EXTRACTED']);
  });
});
