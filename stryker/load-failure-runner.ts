import { test } from 'vitest';
import { VitestTestRunner } from 'vitest/runners';

type ImportSource = Parameters<VitestTestRunner['importFile']>[1];

/**
 * vitest's own runner, except that a test file which fails to load becomes one failing test.
 *
 * The vitest runner of StrykerJS 9.x counts the tests of a run; a file whose import throws
 * has none, so a mutant that crashes a module at import would be reported as survived.
 * Registering a test that rethrows the load error makes such a mutant killed
 * (docs/mutation-testing.md, "Mutants that crash at import").
 */
export default class LoadFailureRunner extends VitestTestRunner {
  override async importFile(filepath: string, source: ImportSource): Promise<unknown> {
    try {
      return await super.importFile(filepath, source);
    } catch (error) {
      if (source !== 'collect') throw error;
      test('the test file loads', () => {
        throw error;
      });
      return undefined;
    }
  }
}
