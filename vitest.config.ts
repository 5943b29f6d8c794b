import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    pool: 'forks',
    // A safety net against hangs, not a speed limit: a busy 2-core machine runs some CLI tests for a minute.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // expect.poll waits for the UI to settle; its 1 s default is a wall-clock limit a loaded machine misses.
    expect: { poll: { timeout: 60_000 } },
    // e2e files start servers and a browser each; two at a time suits a 2-core CI machine.
    maxWorkers: 2,
  },
});
