import type { FlowInfo } from '@certflow/client';
import { describe, expect, it } from 'vitest';
import flowJson from '../../../test/pilot-project-flow.json';
import { edgesOf, localizeDiagram, stepLimits } from './diagram-model';

const flow = flowJson as unknown as FlowInfo;

describe('the flow diagram', () => {
  it('reads the transitions of the server diagram', () => {
    expect(edgesOf(flow.diagram)).toContainEqual({
      from: 'academicReview',
      to: 'leadershipReview',
      event: 'APPROVE',
      guard: 'needsLeadership',
    });
  });

  it('names states in Chinese, translates labels and marks the current step and the path taken', () => {
    const out = localizeDiagram(flow.diagram, flow, {
      current: ['academicReview'],
      visited: ['collegeReview', 'academicReview'],
    });
    expect(out).toContain('state "二级学院审核" as collegeReview');
    expect(out).toContain('collegeReview --> academicReview : 同意');
    expect(out).toContain('academicReview --> leadershipReview : 同意 （视情况）');
    expect(out).toContain('二级学院试点工作小组（本学院） 限 5 工作日 → 升级 教务处');
    expect(out).toContain('class collegeReview visited');
    expect(out).toContain('class academicReview current');
    expect(out).not.toMatch(/\b(APPROVE|college_lead|academic_affairs)\b/);
  });

  it('reads the time each step allows from the diagram', () => {
    const limits = stepLimits(flow.diagram);
    expect(limits.get('collegeReview')).toBe('5 个工作日');
    expect(limits.get('leadershipReview')).toBe('5 个工作日');
    expect(limits.has('approved')).toBe(false);
    expect(stepLimits('stateDiagram-v2\n  a__b : x 限 8 工作小时').get('a.b')).toBe('8 个工作小时');
  });
});
