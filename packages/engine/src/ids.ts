import { randomBytes } from 'node:crypto';
import type { IdGenerator } from './ports/clock.js';

/**
 * Time-ordered ids (UUID version 7, RFC 9562 §5.7), monotonic within the process: 48 bits of
 * Unix milliseconds, a 12-bit counter for ids of the same millisecond (method 1 of §6.2), 62
 * random bits. Rows a command creates in one instant (its tasks) therefore sort by id in the
 * order they were made, which is the order every store answers them in (`created_at`, then id);
 * and new rows land at the right edge of their indexes.
 */
export function timeOrderedIds(now: () => number = Date.now): IdGenerator {
  let lastMs = -1;
  let counter = 0;
  return () => {
    let ms = now();
    if (ms <= lastMs) {
      counter += 1;
      if (counter > 0xfff) {
        lastMs += 1;
        counter = 0;
      }
      ms = lastMs;
    } else {
      lastMs = ms;
      counter = 0;
    }
    const bytes = randomBytes(16);
    bytes.writeUIntBE(ms, 0, 6);
    bytes[6] = 0x70 | (counter >> 8);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
