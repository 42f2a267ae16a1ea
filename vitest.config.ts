import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    // Limits that end a stuck test, never a slow one: the suite must pass on a busy 2-core machine. Tests wait on
    // states (a file written, a process acknowledged) and take time from a given clock, not from how fast this runs.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
