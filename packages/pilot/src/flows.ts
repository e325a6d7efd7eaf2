import type { AnyFlow } from '@certflow/engine';
import { pilotProjectFlow } from './pilot-project/index.js';

/** Every flow of the 1+X pilot, each at every shipped version. */
export const pilotFlows: readonly AnyFlow[] = [pilotProjectFlow];
