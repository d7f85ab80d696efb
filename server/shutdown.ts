import type { Logger } from 'pino';

// Ctrl-C in a terminal reaches every process of the group, and npm relays it as well, so one keypress
// can arrive twice: signals within this window count as one. A later one forces the exit.
const DUPLICATE_SIGNAL_MS = 3_000;
const SHUTDOWN_DEADLINE_MS = 45_000;

/** Ctrl-C / SIGTERM stop everything in order once; a second, deliberate signal forces the exit. */
export function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let firstSignalAt: number | undefined;
  const handler = (signal: NodeJS.Signals) => {
    if (firstSignalAt !== undefined) {
      if (Date.now() - firstSignalAt < DUPLICATE_SIGNAL_MS) return;
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(130);
    }
    firstSignalAt = Date.now();
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error(`shutdown did not finish within ${SHUTDOWN_DEADLINE_MS / 1000} s: exiting`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    stop()
      .then(() => {
        logger.info('stopped cleanly');
        process.exit(0);
      })
      .catch((error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
