// Imported first by every benchmark. The back office's process guard (server/process-guard.ts) keeps a
// server alive through an error that escapes its handler, logged at the configured level: benchmarks run
// silent, so a failed step (a seeding statement refused) left the run waiting forever with nothing
// printed. A benchmark has no one to keep serving: it prints the error and exits non-zero.
const fail = (error: unknown) => {
  console.error('The benchmark failed:', error);
  process.exit(1);
};
process.on('unhandledRejection', fail);
process.on('uncaughtException', fail);
