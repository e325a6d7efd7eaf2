export { ConfigError, type ConfigProblem } from './config-error.js';
export {
  flag,
  list,
  parseVariables,
  readVariables,
  variable,
  type Env,
  type ParsedVariables,
  type VariableScope,
  type VariableSpec,
  type VariableSpecs,
} from './variables.js';
export { SHARED_VARIABLES } from './shared-variables.js';
export {
  readSharedConfig,
  sharedConfigFromEnv,
  type SharedConfig,
  type SharedOptions,
} from './shared-config.js';
export type { InboundSettings, MailSettings, ReplyAuthSettings } from './mail-settings.js';
