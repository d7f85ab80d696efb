// Where AdminJS keeps the bundle of our React components. Outside production AdminJS builds it on the
// first request and then serves whatever file it finds, even one built from older components; so a
// development start removes it, and each test worker gets a folder of its own (test/setup-worker.ts).
// In production, admin.initialize() rebuilds it at every start (Dockerfile: ADMIN_JS_TMP_DIR).
import { rm } from 'node:fs/promises';
import path from 'node:path';

export const COMPONENT_BUNDLE_DIR = process.env.ADMIN_JS_TMP_DIR ?? '.adminjs';

export async function discardStaleComponentBundle(): Promise<void> {
  if (process.env.NODE_ENV === 'production') return;
  for (const file of ['bundle.js', 'entry.js']) await rm(path.join(COMPONENT_BUNDLE_DIR, file), { force: true });
}
