// Each test worker bundles AdminJS components into a folder of its own (see admin/component-bundle.ts).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

process.env.ADMIN_JS_TMP_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'cmms-adminjs-'));
