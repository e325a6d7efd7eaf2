/** Deepest nesting accepted in a request's JSON values (inputs, event data). */
export const MAX_JSON_DEPTH = 16;

/**
 * Is `value` nested no deeper than `limit`? Iterative, so a hostile body of 100 000 nested
 * arrays is refused with a 400 instead of overflowing a recursive walk later (hashing, zod).
 */
export function withinDepth(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return false;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return true;
}
