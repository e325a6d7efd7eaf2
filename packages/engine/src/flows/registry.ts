import { refuse } from '../errors.js';
import type { AnyFlow } from './flow.js';

/** All versions of all flows. `start` uses the newest version; instances keep theirs. */
export class FlowRegistry {
  private readonly byId = new Map<string, Map<number, AnyFlow>>();

  constructor(flows: readonly AnyFlow[] = []) {
    flows.forEach((f) => this.register(f));
  }

  register(flow: AnyFlow): void {
    const versions = this.byId.get(flow.id) ?? new Map<number, AnyFlow>();
    const existing = versions.get(flow.version);
    if (existing && existing !== flow) {
      throw new TypeError(
        `flow ${flow.id} v${flow.version} is already registered: a shipped version never changes, register v${flow.version + 1}`,
      );
    }
    versions.set(flow.version, flow);
    this.byId.set(flow.id, versions);
  }

  latest(id: string): AnyFlow {
    const versions = this.byId.get(id);
    if (!versions || versions.size === 0) throw refuse('UNKNOWN_FLOW', { flow: id });
    const newest = Math.max(...versions.keys());
    return versions.get(newest) as AnyFlow;
  }

  has(id: string, version: number): boolean {
    return this.byId.get(id)?.has(version) === true;
  }

  get(id: string, version: number): AnyFlow {
    const flow = this.byId.get(id)?.get(version);
    if (!flow) throw refuse('UNKNOWN_FLOW', { flow: id, version });
    return flow;
  }

  list(): AnyFlow[] {
    return [...this.byId.values()].flatMap((versions) =>
      [...versions.values()].sort((a, b) => a.version - b.version),
    );
  }
}
