import { expect } from 'vitest';

/**
 * The refusal `attempt` throws, as the API shows it (its `toJSON()`), once it is checked that the
 * command wrote nothing: `dump` (the store's rows, as text) is the same before and after.
 */
export async function refusalOf(
  dump: () => string | Promise<string>,
  attempt: () => Promise<unknown>,
): Promise<unknown> {
  const before = await dump();
  const error = await attempt().then(
    () => undefined,
    (e: unknown) => e as { toJSON(): unknown },
  );
  expect(error, 'the command was refused').toBeDefined();
  expect(await dump()).toBe(before);
  return error?.toJSON();
}

/** A VALIDATION_FAILED of one issue, as the engine's `validationError` words it. */
export const invalidInput = (path: string, message: string) => ({
  code: 'VALIDATION_FAILED',
  message: `输入不合法（${path}: ${message}）`,
  messageEn: `Invalid input (${path}: ${message})`,
  details: { issues: [{ path, message }] },
});
