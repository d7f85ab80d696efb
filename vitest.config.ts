import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-worker.ts'],
    include: ['test/**/*.test.ts', 'integrations/**/*.test.ts', 'domain/**/*.test.ts', 'jobs/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: two test files at a time, each on its own database cloned from a migrated template.
    maxWorkers: 2,
  },
});
