export { createStore } from './store.js';
export type { Database } from './database.js';
export type { DbHandle } from './handle.js';
export { openPostgres } from './postgres.js';
export type { PostgresHandle, PostgresOptions } from './postgres.js';
export { openPglite } from './pglite.js';
export type { PgliteHandle, PgliteOptions } from './pglite.js';
export { createDispatchStore } from './dispatch.js';
export { createDirectory } from './directory.js';
export type { Directory, User } from './directory.js';
export { MIGRATIONS_FOLDER, migratePglite, migratePostgres } from './migrate.js';
export type { MigrateOptions } from './migrate.js';
export { truncateAll } from './truncate.js';
export { toStoreError } from './errors.js';
export {
  copyHistory,
  copyIdempotency,
  copyInstance,
  copyOutbox,
  copyTask,
  copyTimer,
} from './rows.js';
export {
  allTables,
  history,
  idempotencyKeys,
  instances,
  outbox,
  referenceData,
  tasks,
  timers,
  users,
} from './schema.js';
export {
  createMailStore,
  mailActionTokens,
  mailInbound,
  mailMessages,
  mailTables,
  TOKEN_SUPERSEDED,
  type ActionTokenRecord,
  type InboundReplyRecord,
  type MailMessageRecord,
  type MailMessageStatus,
  type MailStore,
  type TokenScope,
  type TokenUse,
} from './mail-store.js';
