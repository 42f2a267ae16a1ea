// `npm run test:mutation`: StrykerJS changes the rules that admit, identify, sign, import, fold names and merge replicas one small
// mistake at a time and checks that some test fails. Writes reports/mutation.json and a score per file.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: [
    'electron/services/checkin/verdict.ts',
    'electron/services/checkin/identify.ts',
    'electron/services/model/badge-token.ts',
    'electron/services/model/normalize.ts',
    'electron/services/people/import/validate.ts',
    // The replication core's merge rules: the clock, last writer wins per field, and the appliers every entry goes through.
    'electron/services/replication/hlc.ts',
    'electron/services/replication/apply/field-clocks.ts',
    'electron/services/replication/apply/admissions.ts',
    'electron/services/replication/apply/scans.ts',
    'electron/services/replication/apply/records.ts',
    'electron/services/replication/apply/delegates.ts',
    'electron/services/replication/apply/codes.ts',
    'electron/services/replication/apply/privacy.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  reporters: ['clear-text', 'json', 'progress'],
  jsonReporter: { fileName: 'reports/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: 'reports/.stryker-tmp',
  ignorePatterns: ['/dist', '/out', '/bench', '/assets', '/test/e2e', '/reports', '/screenshots', '/test-results', '/playwright-report'],
  cleanTempDir: true,
  // Generous: a static mutant runs every listed test, and the two cores are shared. A timeout counts as a kill, so
  // a tight limit would flatter the score (only a mutant that loops forever should time out).
  timeoutMS: 60_000,
  timeoutFactor: 3,
};
