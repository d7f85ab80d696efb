// Every job the workers run. Adding a job: write jobs/<name>.job.ts and list it here.
import { cleanTemporaryExportsJob } from './clean-temporary-exports.job.js';
import { importWorkbookJob } from './import-workbook.job.js';
import type { JobDefinition } from './job.js';
import { maintainChangeHistoryJob } from './maintain-change-history.job.js';

export const JOBS: JobDefinition<unknown>[] = [cleanTemporaryExportsJob, maintainChangeHistoryJob, importWorkbookJob as JobDefinition<unknown>];
