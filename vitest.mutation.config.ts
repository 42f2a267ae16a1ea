// The tests StrykerJS runs for `npm run test:mutation`: only those that exercise the rules it mutates (see
// stryker.config.mjs). Not used by `npm test`, which runs every suite through vitest.config.ts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/unit/checkin.test.ts',
      'test/unit/search.test.ts',
      'test/unit/token.test.ts',
      'test/unit/staff-lock.test.ts',
      'test/unit/verdict-rules.test.ts',
      'test/unit/identify.test.ts',
      'test/unit/token-check.test.ts',
      'test/unit/normalize.test.ts',
      'test/unit/search-precision.test.ts',
      'test/unit/import-row.test.ts',
      'test/integration/import.test.ts',
    ],
    // A test file that fails to load must count as failing (see the reporter).
    reporters: ['default', './test/mutation/unloadable-file-fails.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
