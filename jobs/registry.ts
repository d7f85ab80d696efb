// Every job the workers run. Adding a job: write jobs/<name>.job.ts and list it here.
import { cleanTemporaryExportsJob } from './clean-temporary-exports.job.js';
import { computeKpisJob } from './compute-kpis.job.js';
import { generatePreventiveOrdersJob } from './generate-preventive-orders.job.js';
import { importWorkbookJob } from './import-workbook.job.js';
import { indexDocumentsJob } from './index-documents.job.js';
import type { JobDefinition } from './job.js';
import { maintainChangeHistoryJob } from './maintain-change-history.job.js';

export const JOBS: JobDefinition<unknown>[] = [
  cleanTemporaryExportsJob,
  maintainChangeHistoryJob,
  generatePreventiveOrdersJob,
  computeKpisJob,
  importWorkbookJob as JobDefinition<unknown>,
  indexDocumentsJob as JobDefinition<unknown>,
];
