// A vitest reporter for mutation runs only (vitest.mutation.config.ts): a test file that cannot even be imported
// counts as one failed test.
//
// Why: StrykerJS's vitest runner (9.6, also 10.x; stryker-js#6150) builds a mutant's result from the tests it
// collected. A mutant that makes a module throw while loading (a fold table emptied, `normalize('')`) leaves every
// file importing it with no tests at all, so the mutant was scored "survived" although the suite fails outright.
// It also made a broken sandbox look like a successful initial run. With this reporter such a file carries one
// failed test holding its load error: the mutant is killed, and a broken dry run stops Stryker with the reason.
import type { RunnerTestCase as Test, RunnerTestFile as File } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';
import { experimental_getRunnerTask as runnerTask } from 'vitest/node';

export default class UnloadableFileFails implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    for (const m of testModules) {
      const file: File = runnerTask(m);
      if (file.tasks.length > 0 || file.result?.state !== 'fail') continue;
      const message = file.result.errors?.[0]?.message ?? 'the test file failed to load';
      const failed: Omit<Test, 'context' | 'suite'> = {
        type: 'test',
        id: `${file.id}_load`,
        name: 'the test file loads',
        fullName: `${file.name} > the test file loads`,
        fullTestName: 'the test file loads',
        mode: 'run',
        file,
        meta: {},
        timeout: 0,
        annotations: [],
        artifacts: [],
        result: { state: 'fail', errors: [{ message, name: 'LoadError', stack: '' }] },
      };
      // The one cast: vitest types a test with a context only its runner can build; nothing reads it after the run.
      file.tasks.push(failed as Test);
    }
  }
}
