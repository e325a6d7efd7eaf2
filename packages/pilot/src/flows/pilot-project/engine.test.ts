import { MemoryStore } from '@certflow/engine/testing';
import { describePilotProjectScenarios } from '../../testing/pilot-project.scenarios.js';

describePilotProjectScenarios('the in-memory store', () => {
  const store = new MemoryStore();
  return {
    name: 'memory',
    store,
    dump: async () => store.dump(),
    setReference: async (kind, key, value) => store.setReference(kind, key, value as never),
  };
});
