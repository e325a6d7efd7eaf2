import { describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { projectApplication } from '../../testing/fixtures.js';
import { pilotProjectMachineV2 } from './machine.js';

describe('pilot-project v2 machine: the position before any rule passed one', () => {
  it('no refs.quota: nothing over, no reasons or flags, no figures', () => {
    const [s] = initialTransition(pilotProjectMachineV2, {
      input: projectApplication(),
      refs: {},
      instanceId: 'p1',
      submitterId: 'u-owner',
    });
    expect(s.context).toEqual({
      instanceId: 'p1',
      submitterId: 'u-owner',
      application: projectApplication(),
      quota: {
        over: false,
        reasons: [],
        flags: [],
        scale: { quota: null, college: 0, project: 0 },
        budget: {
          lastYearExecuted: null,
          source: null,
          ledgerSpent: null,
          note: null,
          college: 0,
          project: 0,
        },
        projects: 0,
      },
      revisions: 0,
    });
  });
});
