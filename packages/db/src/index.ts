export type { Database } from './database.js';
export type { DbHandle } from './handle.js';
export { openPostgres } from './postgres.js';
export type { PostgresHandle, PostgresOptions } from './postgres.js';
export { attachEmbedded, openEmbedded, type EmbeddedHandle } from './embedded/open-embedded.js';
export { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded/embedded-postgres.js';
export { connect } from './connection.js';
export { createStore, type PostgresStore, type StoreOptions } from './store/command-store.js';
export { createDispatchStore } from './store/dispatch.js';
export { createDirectory } from './directory.js';
export { createDraftStore, type DraftRecord, type DraftStore } from './drafts.js';
export { createPostgresAttachmentStore } from './attachment-store.js';
export type { Directory, User } from './directory.js';
export { MIGRATIONS_FOLDER, migratePostgres } from './migrate.js';
export type { MigrateOptions } from './migrate.js';
export { truncateAll } from './truncate.js';
export { toStoreError } from './errors.js';
export { fromJsonRow, toJsonRow } from './schema/columns.js';
export {
  adminAudit,
  allTables,
  drafts,
  attachments,
  history,
  idempotencyKeys,
  instances,
  outbox,
  phrases,
  referenceData,
  tasks,
  timers,
  users,
} from './schema/tables.js';
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
  type TokenUse,
} from './mail-store.js';
export { createLists } from './store/lists.js';
export { keywordTerms } from './store/list-walk.js';
export {
  DEFAULT_LIST_CAPS,
  type CopyFilter,
  type CopyItem,
  type CountName,
  type DecidedItem,
  type ListCaps,
  type ListCounts,
  type ListFilter,
  type ListInstance,
  type ListPage,
  type ListResult,
  type ListScan,
  type Lists,
  type ListsOptions,
  type StartedItem,
  type TodoItem,
  type TodoOwner,
} from './store/list-types.js';
export {
  decodeCursor,
  encodeCursor,
  FEED_EVENT_TYPES,
  FEED_EVENT_VERSION,
  FEED_START,
  feedEventJson,
  feedHead,
  InvalidCursorError,
  readFeed,
  type FeedCommandSummary,
  type FeedEvent,
  type FeedEventType,
  type FeedInstanceSummary,
  type FeedPage,
  type FeedTaskSummary,
  type ReadFeedOptions,
} from './feed/change-feed.js';
export {
  changeFeed,
  webhookDeliveries,
  webhookSubscriptions,
  type WebhookDeliveryStatus,
} from './schema/feed-tables.js';
