import type { AttachmentStore, Engine } from '@certflow/engine';
import type { Database, Directory } from '@certflow/db';
import type { Store } from '@certflow/engine';
import type { RedisProbe } from '@certflow/queue';
import type { Logger } from 'pino';
import type { HostActorResolver } from './auth/host-actor.js';
import type { AuthEnv } from './auth/require-auth.js';
import type { TokenService } from './auth/token-service.js';

/** What the HTTP app needs: the engine, the store it runs on, and the token service. */
export interface AppDeps {
  readonly engine: Engine;
  readonly store: Store;
  /** The drizzle database under `store` (reader-filtered listings). */
  readonly db: Database;
  readonly driver: 'postgres' | 'embedded';
  readonly tokens: TokenService;
  /**
   * The people directory: who a token's subject is (name, email; in `directory` identity mode
   * roles and college too), and the directory import's target.
   */
  readonly directory: Directory;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  readonly corsOrigins?: readonly string[];
  readonly logger: Logger;
  /** Largest accepted request body in bytes; default 256 KiB. */
  readonly bodyLimit?: number;
  /** With REDIS_URL: `/healthz` reports Redis too (its loss degrades delivery only). */
  readonly redis?: RedisProbe;
  /**
   * The calendar's coverage warning now (next year has no holiday table from 1 November), for
   * `/healthz`: `calendarCoverageWarning(calendar, clock.now(), settings)`. Without it `/healthz`
   * has no `calendar` field.
   */
  readonly calendarWarning?: () => CalendarHealthWarning | null;
  /** Called after a command committed: nudges delivery (scheduler or BullMQ relay). */
  readonly afterCommand?: (instanceId: string) => void;
  /**
   * Where uploaded files live (docs/attachments.md): a directory store with
   * `CERTFLOW_ATTACHMENT_DIR`; by default the PostgreSQL table `attachments` of `db`.
   */
  readonly attachments?: AttachmentStore;
  /** Largest attachment in bytes (`CERTFLOW_ATTACHMENT_LIMIT`); default 20 MB. */
  readonly attachmentLimit?: number;
  /** The school's name in the heading of the approval sheet (审批单). */
  readonly schoolName?: string;
  /** Outbound webhooks: the SSRF guard's setting, and a nudge for the delivery loop. */
  readonly webhooks?: { readonly allowPrivate: boolean; readonly nudge?: () => void };
  /** Embedded in a host app: who is calling, by the host's own sign-in (tokens otherwise). */
  readonly resolveActor?: HostActorResolver;
}

/** What `/healthz` shows of the calendar's coverage warning (`CoverageWarning` of the calendar). */
export interface CalendarHealthWarning {
  readonly code: 'CALENDAR_NEXT_YEAR_NOT_COVERED';
  readonly year: number;
  readonly since: string;
  readonly message: string;
  readonly messageEn: string;
}

export type AppEnv = AuthEnv;
