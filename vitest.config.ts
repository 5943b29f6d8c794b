import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Three projects, run one after another (fastest failures first), each with the worker count that
// suits it: `npm run test:unit` runs only the first. Unit tests are pure and in-process (no built
// bundles, no servers, no child processes); integration tests use real SQLite files, DuckDB,
// PostgreSQL and the built CLI; e2e tests drive real Chromium against browser mode.
export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    pool: 'forks',
    // A safety net against hangs, not a speed limit: a busy 2-core machine runs some CLI tests for a minute.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // expect.poll waits for the UI to settle; its 1 s default is a wall-clock limit a loaded machine misses.
    expect: { poll: { timeout: 60_000 } },
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Chart snapshots (test/charts) are unit tests too: pure renders in jsdom.
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/charts/**/*.test.{ts,tsx}'],
          // CPU-bound and independent: one worker per core.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.{ts,tsx}'],
          globalSetup: ['test/setup/fresh-build.ts'],
          // Child processes (the CLI, PostgreSQL) add their own load: two files at a time.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.{ts,tsx}'],
          globalSetup: ['test/setup/fresh-build.ts'],
          // Each file starts a server and a Chromium: one at a time keeps a 2-core machine responsive,
          // so nothing waits on a starved browser.
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
