import { writeFileSync } from 'node:fs';
import type { Reporter, TestCase } from 'vitest/node';

/**
 * Writes `test-flaky.txt`: every test that passed only when run again (vitest.config.ts `retry`,
 * on in CI), one per line with its file. .ci/run prints it above the summary, so a flaky test is
 * named and fixed rather than hidden by the retry.
 */
export default class FlakyReporter implements Reporter {
  private readonly flaky: string[] = [];

  onTestCaseResult(test: TestCase): void {
    const diagnostic = test.diagnostic();
    if (diagnostic?.flaky) {
      this.flaky.push(
        `${test.module.moduleId} > ${test.fullName} (retry x${diagnostic.retryCount})`,
      );
    }
  }

  onTestRunEnd(): void {
    writeFileSync('test-flaky.txt', this.flaky.map((line) => `${line}\n`).join(''));
  }
}
