import { describe, expect, it } from 'vitest';
import { closedBy, withEvidence, type CaseFile, type EvidenceEntry } from './case-file.js';

const entry = (id: string, reason = '考场无监控'): EvidenceEntry => ({
  id,
  trigger: 'loose-management',
  reason,
  evidenceRefs: [],
  at: '2027-03-01T01:00:00.000Z',
  by: 'u-aa',
});
const file: CaseFile = { projectId: 'proj-1', open: 'w1', evidence: [entry('w1')], closed: [] };

/** The project's case file (第七条1): one open case, the evidence brought to it. */
describe('withdrawal case file', () => {
  it('evidence is one entry per instance: the same instance brought again replaces its entry, last', () => {
    const two = withEvidence(file, entry('w2'));
    expect(two.evidence.map((e) => e.id)).toEqual(['w1', 'w2']);
    const again = withEvidence(two, entry('w1', '补充说明'));
    expect(again.evidence).toEqual([entry('w2'), entry('w1', '补充说明')]);
  });

  it('only the open case closes the file; another case id leaves it as it is', () => {
    expect(closedBy(file, 'w9')).toBe(file);
    expect(closedBy(file, 'w1')).toEqual({
      projectId: 'proj-1',
      open: null,
      evidence: [],
      closed: ['w1'],
    });
  });
});
