import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors.js';
import type { JsonObject } from '../records.js';
import { engineData } from './engine-data.js';

// The parts of an event's data the engine reads itself (attachments, toStep), apart from the
// flow's own payload.

const file = {
  id: 'f-1',
  name: '申报书.pdf',
  sha256: 'a'.repeat(64),
  size: 10,
  mediaType: 'application/pdf',
};

describe('engineData', () => {
  it('attachments and toStep go apart from the flow’s data', () => {
    expect(
      engineData({ type: 'APPROVE', data: { score: 3, toStep: 'first', attachments: [file] } }),
    ).toEqual({ flowData: { score: 3 }, extra: { toStep: 'first', attachments: [file] } });
    expect(engineData({ type: 'APPROVE' })).toEqual({ flowData: {}, extra: {} });
  });

  it('a malformed attachment or step is VALIDATION_FAILED about the data', () => {
    const malformed: JsonObject[] = [{ attachments: [{ ...file, sha256: 'x' }] }, { toStep: '' }];
    for (const data of malformed) {
      let refusal: DomainError | undefined;
      try {
        engineData({ type: 'APPROVE', data });
      } catch (e) {
        refusal = e as DomainError;
      }
      expect(refusal?.code).toBe('VALIDATION_FAILED');
      expect(refusal?.messages.en).toMatch(/^Invalid input \((attachments|toStep)/);
    }
  });
});
