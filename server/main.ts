// `npm start`: the whole back office (embedded PostgreSQL unless DATABASE_URL is set), in one process, or
// with WEB_CONCURRENCY > 1 as a primary and that many web processes (server/web-cluster.ts).
import cluster from 'node:cluster';
import { loadConfigOrExit } from './config.js';
import { createLogger } from './logger.js';
import { onShutdown } from './shutdown.js';
import { printAddress, printFirstAdministrator } from './start-output.js';

const config = loadConfigOrExit();
const logger = createLogger(config.logLevel);

if (cluster.isWorker) {
  const { runClusterWebProcess } = await import('./web-cluster.js');
  await runClusterWebProcess(config, logger);
} else if (config.webConcurrency > 1) {
  const { runWebPrimary } = await import('./web-cluster.js');
  await runWebPrimary(config, logger);
} else {
  // Loaded after the configuration is known to be valid, so a bad setting is reported at once.
  const { startBackOffice } = await import('./back-office.js');
  try {
    const backOffice = await startBackOffice(config, logger);
    printFirstAdministrator(backOffice.bootstrap.createdAdmin);
    printAddress(backOffice.url);
    onShutdown(logger, () => backOffice.stop());
  } catch (error) {
    logger.fatal({ err: error }, 'the back office could not start');
    process.exit(1);
  }
}
