import type { Instance } from '@certflow/client';

/** A pilot project at 教务处审核, as `GET /api/instances/{id}` answers it (the page's tests). */
export const instanceAt = (over: Partial<Instance> = {}): Instance => ({
  id: 'i-1',
  flow: 'pilot-project',
  flowVersion: 1,
  title: '电子工程学院 Web前端开发（中级）',
  state: 'academicReview',
  status: 'active',
  version: 3,
  college: 'ee',
  subjectId: 'i-1',
  submitterId: 'u-owner',
  context: {},
  tasks: [],
  createdAt: '2026-12-01T01:00:00.000Z',
  updatedAt: '2026-12-02T01:00:00.000Z',
  ...over,
});
