export {
  EFFECT_KINDS,
  endProjectInstancesPayload,
  openWithdrawalPayload,
  type EndProjectInstancesPayload,
  type OpenWithdrawalPayload,
} from './catalog.js';
export {
  pilotEffectHandlers,
  type EffectContext,
  type EffectHandler,
  type InstanceLister,
} from './handlers.js';
export { runEffectsOnce, type EffectsRun } from './run-effects-once.js';
