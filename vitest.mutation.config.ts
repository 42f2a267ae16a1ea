// The tests StrykerJS runs for `npm run test:mutation` (see stryker.config.mjs): only those that exercise the rules
// it mutates. Not used by `npm test`, which runs every suite through vitest.config.ts.
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Fast, focused files first: Stryker stops a mutant's run at the first failing test. */
const FILES = [
  'test/unit/merge-clocks.test.ts',
  'test/unit/apply-merge.test.ts',
  'test/unit/verdict-rules.test.ts',
  'test/unit/token-check.test.ts',
  'test/unit/token.test.ts',
  'test/unit/normalize.test.ts',
  'test/unit/import-row.test.ts',
  'test/unit/identify.test.ts',
  'test/unit/search-precision.test.ts',
  'test/unit/checkin.test.ts',
  'test/unit/search.test.ts',
  'test/integration/import.test.ts',
];

class InListedOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => FILES.findIndex((p) => f.moduleId.replaceAll('\\', '/').endsWith(p));
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: FILES,
    sequence: { sequencer: InListedOrder },
    // A test file that fails to load must count as failing (see the reporter).
    reporters: ['default', './test/mutation/unloadable-file-fails.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
