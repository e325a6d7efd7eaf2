/**
 * GENERATED from the certflow server's OpenAPI document by openapi-typescript — do not edit.
 * Regenerate: pnpm --filter @certflow/server client-types (apps/server/test/openapi.test.ts fails
 * while this file is stale).
 */

export type paths = {
  '/api/directory/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import the campus directory export: people, roles, colleges, evaluation organizations; deactivate leavers
     * @description academic_affairs only. The whole document is checked first and refused as a whole (400) if any entry is wrong; nothing is ever deleted: leavers are deactivated and their open tasks reported for reassignment.
     */
    post: operations['importDirectory'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/directory/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Everyone in the directory, with their status (school readers only) */
    get: operations['listDirectoryUsers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The change feed: what happened, in commit order, after a cursor (long-poll with wait) */
    get: operations['listEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/flows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every version of every flow: states, events per state, who acts, a diagram */
    get: operations['listFlows'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Instances the caller may read, oldest first, paged */
    get: operations['listInstances'];
    put?: never;
    /** Start an instance of the newest version of a flow */
    post: operations['startInstance'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An instance with its open tasks (ETag = version) */
    get: operations['getInstance'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send an event (APPROVE, RETURN, REJECT, WITHDRAW, TRANSFER …) as the caller */
    post: operations['sendEvent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The append-only, hash-chained audit trail */
    get: operations['getHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/{id}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recompute the hash chain */
    get: operations['verifyHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/quotas/{year}/{collegeId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A college's quota (school readers, and the college's own people) */
    get: operations['getQuota'];
    /** Set a college's pilot scale and last year's executed budget (academic_affairs only) */
    put: operations['putQuota'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/statistics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The school's 1+X pilot statistics of a year (第五条4, 第十四条), JSON, CSV or XLSX
     * @description Projects, students trained, pass rates and spending against budget, per college and certificate, per college and for the school; school-wide readers only (academic_affairs, leadership, finance, auditor).
     */
    get: {
      parameters: {
        query: {
          format?: 'json' | 'csv' | 'xlsx';
          year: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the statistics */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Statistics'];
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
            'text/csv': string;
          };
        };
        /** @description VALIDATION_FAILED / MALFORMED_JSON */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND / UNKNOWN_FLOW */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's inbox: open tasks of their roles and scope, oldest deadline first */
    get: operations['inbox'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every webhook subscription (academic_affairs) */
    get: operations['listWebhooks'];
    put?: never;
    /** Subscribe a URL to the change feed (academic_affairs) */
    post: operations['createWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One webhook subscription */
    get: operations['getWebhook'];
    put?: never;
    post?: never;
    /** Delete a subscription and its delivery log */
    delete: operations['deleteWebhook'];
    options?: never;
    head?: never;
    /** Change a subscription; `active: true` re-enables a disabled one */
    patch: operations['updateWebhook'];
    trace?: never;
  };
  '/api/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The delivery log of a subscription, newest first */
    get: operations['listWebhookDeliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a delivery again (now, attempts from zero) */
    post: operations['redeliverWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness: PostgreSQL (and Redis with REDIS_URL), each within 1.5 s (no token needed)
     * @description PostgreSQL holds every command, so the server is up (200) while it answers; with REDIS_URL Redis is reported too, and its loss only degrades delivery (200, `degraded: true`).
     */
    get: operations['health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: {
    DirectoryImport: {
      /** @default [] */
      colleges?: {
        id: string;
        /** @example 电子工程学院 */
        name: string;
      }[];
      /**
       * @description report what would change, change nothing
       * @default false
       */
      dryRun?: boolean;
      /** @default [] */
      organizations?: {
        id: string;
        /** @example 工信部教育与考试中心 */
        name: string;
      }[];
      /**
       * @description the export lists everyone: whoever is missing is deactivated
       * @default false
       */
      sync?: boolean;
      users: components['schemas']['DirectoryUser'][];
    };
    DirectoryImportReport: {
      colleges: {
        created: string[];
        unchanged: number;
        updated: string[];
      };
      /** @description leavers, with the open tasks to reassign */
      deactivated: {
        formerRoles: string[];
        id: string;
        name: string;
        openTasks: {
          assigned: boolean;
          college: string | null;
          dueAt: string | null;
          flow: string;
          instanceId: string;
          otherHolders: string[];
          role: string;
          step: string;
          taskId: string;
          title: string;
        }[];
      }[];
      dryRun: boolean;
      organizations: {
        created: string[];
        unchanged: number;
        updated: string[];
      };
      users: {
        created: string[];
        reactivated: string[];
        unchanged: number;
        updated: string[];
      };
    };
    DirectoryPerson: {
      college: string | null;
      email: string;
      id: string;
      name: string;
      roles: string[];
      /** @enum {string} */
      status: 'active' | 'deactivated';
    };
    DirectoryUser: {
      /** @example ee */
      college?: string | null;
      /**
       * Format: email
       * @example lead@example.edu.cn
       */
      email: string;
      /** @example 20190123 */
      id: string;
      /** @example 李院长 */
      name: string;
      organization?: string | null;
      /**
       * @example [
       *       "college_lead"
       *     ]
       */
      roles: (
        | 'leadership'
        | 'academic_affairs'
        | 'finance'
        | 'college_lead'
        | 'project_owner'
        | 'evaluation_org'
        | 'auditor'
      )[];
      /**
       * @description deactivated = 离职/调出
       * @default active
       * @enum {string}
       */
      status?: 'active' | 'deactivated';
    };
    Error: {
      /** @example EVENT_NOT_ACCEPTED */
      code: string;
      details?: {
        [key: string]: unknown;
      };
      /** @example 当前环节不接受此操作 */
      message: string;
      /** @example The current step does not accept this operation */
      messageEn: string;
    };
    FeedEvent: {
      command: {
        actorId: string;
        actorName: string | null;
        comment: string | null;
        event: string;
        fromState: string | null;
        seq: number;
        toState: string;
      } | null;
      /** @description resume after this event */
      cursor: string;
      flow: string;
      /** @description stable: the same event always has the same id */
      id: string;
      instance: {
        college: string | null;
        flow: string;
        flowVersion: number;
        id: string;
        organization: string | null;
        state: string;
        /** @enum {string} */
        status: 'active' | 'completed' | 'rejected' | 'withdrawn' | 'cancelled';
        subjectId: string | null;
        submitterId: string;
        title: string;
        version: number;
      };
      instanceId: string;
      occurredAt: string;
      task: {
        assignee: string | null;
        college: string | null;
        completedBy: string | null;
        dueAt: string | null;
        id: string;
        role: string;
        state: string;
        status: string;
        step: string;
      } | null;
      /** @enum {string} */
      type:
        | 'instance.started'
        | 'instance.updated'
        | 'task.created'
        | 'task.decided'
        | 'instance.completed'
        | 'instance.rejected'
        | 'instance.withdrawn'
        | 'instance.cancelled';
      /** @enum {number} */
      version: 1;
    };
    FeedPage: {
      /** @description pass as `after` for the next page */
      cursor: string;
      events: components['schemas']['FeedEvent'][];
      hasMore: boolean;
    };
    Flow: {
      /** @description mermaid stateDiagram-v2 */
      diagram: string;
      id: string;
      /** @description JSON Schema of the start input */
      inputSchema: {
        [key: string]: unknown;
      };
      latest: boolean;
      startedBy: {
        roles: string[];
        /** @enum {string} */
        scope: 'school' | 'college';
      };
      states: {
        /** @description every event the state may accept */
        events: string[];
        final: boolean;
        id: string;
        /** @enum {string|null} */
        status: 'active' | 'completed' | 'rejected' | 'withdrawn' | 'cancelled' | null;
        submitterEvents: string[];
        tasks: {
          approval: boolean;
          events: string[];
          role: string;
          /** @enum {string} */
          scope: 'school' | 'college' | 'organization' | 'submitter';
          step: string;
        }[];
      }[];
      title: {
        en: string;
        zh: string;
      };
      version: number;
    };
    HistoryEntry: {
      actorId: string;
      actorName: string | null;
      at: string;
      comment: string | null;
      data: {
        [key: string]: unknown;
      };
      event: string;
      fromState: string | null;
      hash: string;
      prevHash: string;
      seq: number;
      toState: string;
    };
    InboxPage: {
      items: components['schemas']['InboxTask'][];
      limit: number;
      offset: number;
      total: number;
    };
    InboxTask: components['schemas']['Task'] & {
      flow: string;
      instanceId: string;
      title: string;
    };
    Instance: {
      college: string | null;
      context: {
        [key: string]: unknown;
      };
      createdAt: string;
      flow: string;
      flowVersion: number;
      id: string;
      state: string;
      /** @enum {string} */
      status: 'active' | 'completed' | 'rejected' | 'withdrawn' | 'cancelled';
      subjectId: string | null;
      submitterId: string;
      /** @description the open tasks */
      tasks: components['schemas']['Task'][];
      title: string;
      updatedAt: string;
      version: number;
    };
    InstancePage: {
      items: components['schemas']['InstanceSummary'][];
      limit: number;
      offset: number;
      total: number;
    };
    InstanceSummary: {
      college: string | null;
      createdAt: string;
      flow: string;
      flowVersion: number;
      id: string;
      state: string;
      /** @enum {string} */
      status: 'active' | 'completed' | 'rejected' | 'withdrawn' | 'cancelled';
      subjectId: string | null;
      submitterId: string;
      title: string;
      updatedAt: string;
      version: number;
    };
    Quota: {
      /**
       * @description last year's executed budget, in fen (分), entered by 教务处: overrides the figure computed from last year's ledgers; omit it to use the computed figure
       * @example 1000000
       */
      budget?: number;
      /**
       * @description where an entered budget comes from
       * @example 财务处 2026 年决算
       */
      budgetNote?: string;
      /**
       * @description pilot scale (people)
       * @example 60
       */
      scale: number;
    };
    QuotaRecord: components['schemas']['Quota'] & {
      collegeId: string;
      year: number;
    };
    SendEvent: {
      /** @example 同意 */
      comment?: string;
      data?: {
        [key: string]: unknown;
      };
      taskId?: string;
      /** @example APPROVE */
      type: string;
    };
    StartInstance: {
      /** @example pilot-project */
      flow: string;
      /** @description the flow input (see GET /api/flows inputSchema) */
      input?: unknown;
    };
    Statistics: {
      /** @description per college */
      colleges: components['schemas']['StatisticsRow'][];
      /** @description per college and certificate */
      rows: components['schemas']['StatisticsRow'][];
      total: components['schemas']['StatisticsRow'];
      year: number;
    };
    StatisticsRow: {
      /** @description fen (分) */
      budget: number;
      certificateCode: string;
      certificateName: string;
      collegeId: string;
      examined: number;
      /** @example 中级 */
      level: string;
      passed: number;
      /** @description 0–1; null when there is nothing to divide by */
      passRate: number | null;
      projects: number;
      /** @description fen (分) */
      remaining: number;
      /** @description approved pilot scale (people) */
      scale: number;
      /** @description 0–1; null when there is nothing to divide by */
      spendingRate: number | null;
      /** @description fen (分) */
      spent: number;
      /** @description students selected for training and assessment */
      trained: number;
    };
    Task: {
      approval: boolean;
      assignee: string | null;
      college: string | null;
      createdAt: string;
      dueAt: string | null;
      events: string[];
      id: string;
      /** @enum {string} */
      kind: 'step' | 'added' | 'submitter' | 'escalation' | 'delegated';
      /** @description role id, or `submitter` */
      role: string;
      state: string;
      step: string;
    };
    Verdict: {
      brokenAt?: number;
      count: number;
      ok: boolean;
      reason?: string;
    };
    Webhook: {
      active: boolean;
      consecutiveFailures: number;
      createdAt: string;
      description: string | null;
      disabledAt: string | null;
      disabledReason: string | null;
      flows: string[];
      id: string;
      ownerId: string;
      types: string[];
      updatedAt: string;
      url: string;
    };
    WebhookDelivery: {
      attempts: number;
      createdAt: string;
      deliveredAt: string | null;
      eventId: string;
      eventType: string;
      id: number;
      instanceId: string;
      lastError: string | null;
      lastStatus: number | null;
      log: {
        [key: string]: unknown;
      }[];
      nextAttemptAt: string;
      /** @enum {string} */
      status: 'pending' | 'delivered' | 'failed';
    };
    WebhookDeliveryList: {
      items: components['schemas']['WebhookDelivery'][];
    };
    WebhookInput: {
      active?: boolean;
      description?: string | null;
      /** @description flow ids; empty = every flow */
      flows?: string[];
      /** @description HMAC-SHA256 key of Certflow-Signature; write-only */
      secret: string;
      /** @description event types; empty = all */
      types?: (
        | 'instance.started'
        | 'instance.updated'
        | 'task.created'
        | 'task.decided'
        | 'instance.completed'
        | 'instance.rejected'
        | 'instance.withdrawn'
        | 'instance.cancelled'
      )[];
      /** @example https://campus.example.edu.cn/hooks/certflow */
      url: string;
    };
    WebhookList: {
      items: components['schemas']['Webhook'][];
    };
    WebhookPatch: {
      active?: boolean;
      description?: string | null;
      /** @description flow ids; empty = every flow */
      flows?: string[];
      /** @description HMAC-SHA256 key of Certflow-Signature; write-only */
      secret?: string;
      /** @description event types; empty = all */
      types?: (
        | 'instance.started'
        | 'instance.updated'
        | 'task.created'
        | 'task.decided'
        | 'instance.completed'
        | 'instance.rejected'
        | 'instance.withdrawn'
        | 'instance.cancelled'
      )[];
      /** @example https://campus.example.edu.cn/hooks/certflow */
      url?: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
  importDirectory: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DirectoryImport'];
      };
    };
    responses: {
      /** @description what changed (or would, with dryRun) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DirectoryImportReport'];
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / INSTANCE_CLOSED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description a business rule of the flow refused it (e.g. LEVEL_NOT_ALLOWED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listDirectoryUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description by id */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['DirectoryPerson'][];
          };
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listEvents: {
    parameters: {
      query?: {
        /** @description the `cursor` of the previous page; omitted = from the start */
        after?: string;
        /** @description comma-separated flow ids */
        flow?: string;
        limit?: number;
        /** @description comma-separated event types */
        type?: string;
        /** @description long-poll: seconds to wait for an event when none is there yet */
        wait?: number | null;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of events */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FeedPage'];
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listFlows: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the flows */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Flow'][];
          };
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listInstances: {
    parameters: {
      query?: {
        college?: string;
        flow?: string;
        limit?: number;
        offset?: number | null;
        status?: 'active' | 'completed' | 'rejected' | 'withdrawn' | 'cancelled';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstancePage'];
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  startInstance: {
    parameters: {
      query?: never;
      header?: {
        /** @description a repeat returns the first answer and applies nothing */
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StartInstance'];
      };
    };
    responses: {
      /** @description started */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Instance'];
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / INSTANCE_CLOSED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description a business rule of the flow refused it (e.g. LEVEL_NOT_ALLOWED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getInstance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the instance */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Instance'];
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  sendEvent: {
    parameters: {
      query?: never;
      header?: {
        /** @description a repeat returns the first answer and applies nothing */
        'idempotency-key'?: string;
        /** @description expected instance version (409 VERSION_CONFLICT otherwise) */
        'if-match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SendEvent'];
      };
    };
    responses: {
      /** @description accepted */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Instance'];
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / INSTANCE_CLOSED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description a business rule of the flow refused it (e.g. LEVEL_NOT_ALLOWED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description oldest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['HistoryEntry'][];
          };
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  verifyHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description verdict */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Verdict'];
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getQuota: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        collegeId: string;
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the quota */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuotaRecord'];
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  putQuota: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        collegeId: string;
        year: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Quota'];
      };
    };
    responses: {
      /** @description stored */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuotaRecord'];
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / INSTANCE_CLOSED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description a business rule of the flow refused it (e.g. LEVEL_NOT_ALLOWED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  inbox: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number | null;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InboxPage'];
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listWebhooks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the subscriptions */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookList'];
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookInput'];
      };
    };
    responses: {
      /** @description subscribed */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Webhook'];
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / INSTANCE_CLOSED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description a business rule of the flow refused it (e.g. LEVEL_NOT_ALLOWED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the subscription */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Webhook'];
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description deleted */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            deleted: true;
          };
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  updateWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookPatch'];
      };
    };
    responses: {
      /** @description changed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Webhook'];
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / INSTANCE_CLOSED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description a business rule of the flow refused it (e.g. LEVEL_NOT_ALLOWED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listWebhookDeliveries: {
    parameters: {
      query?: {
        before?: number;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description deliveries */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryList'];
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  redeliverWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        deliveryId: number;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description queued again */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDelivery'];
        };
      };
      /** @description VALIDATION_FAILED / MALFORMED_JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNAUTHENTICATED / TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_AUTHORIZED / SELF_APPROVAL / SEPARATION_OF_DUTIES */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND / UNKNOWN_FLOW */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / INSTANCE_CLOSED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description a business rule of the flow refused it (e.g. LEVEL_NOT_ALLOWED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description up (perhaps degraded) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Redis is down: commands are accepted, their delivery waits */
            degraded?: boolean;
            /** @enum {string} */
            driver: 'postgres' | 'embedded';
            ok: boolean;
            /** @description with REDIS_URL: the BullMQ relay’s Redis */
            redis?:
              | {
                  ms: number;
                  /** @enum {boolean} */
                  ok: true;
                }
              | {
                  error: string;
                  /** @enum {boolean} */
                  ok: false;
                };
          };
        };
      };
      /** @description ROUTE_NOT_FOUND: any other method on this path */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database does not answer */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Redis is down: commands are accepted, their delivery waits */
            degraded?: boolean;
            /** @enum {string} */
            driver: 'postgres' | 'embedded';
            ok: boolean;
            /** @description with REDIS_URL: the BullMQ relay’s Redis */
            redis?:
              | {
                  ms: number;
                  /** @enum {boolean} */
                  ok: true;
                }
              | {
                  error: string;
                  /** @enum {boolean} */
                  ok: false;
                };
          };
        };
      };
    };
  };
}
