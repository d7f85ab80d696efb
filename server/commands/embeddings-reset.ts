// `npm run embeddings:reset`: after changing EMBEDDINGS_MODEL or EMBEDDINGS_DIMENSIONS, drops every stored
// passage vector so the embeddings job computes them all again with the new model (within its per-minute
// budget; search stays on full text for passages not yet embedded).
import { detectVectorStore, forgetEmbeddings } from '../../domain/documents/semantic/vector-store.js';
import { openDatabaseForCli } from '../database.js';

const database = await openDatabaseForCli();
try {
  const support = await detectVectorStore(database.pool);
  if (!support.available) {
    console.log('This database has no pgvector embeddings table: nothing to reset (semantic search is off).');
  } else {
    console.log(`Removed ${await forgetEmbeddings(database.pool)} passage vectors; the embeddings job computes them again with the configured model.`);
  }
} finally {
  await database.close();
}
