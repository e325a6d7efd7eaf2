/**
 * GENERATED from the certflow server's OpenAPI document by openapi-typescript — do not edit.
 * Regenerate: pnpm --filter @certflow/server client-types (apps/server/test/openapi.test.ts fails
 * while this file is stale).
 */

export type paths = {
  '/api/attachments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload a file to attach to an application or a decision (multipart/form-data)
     * @description One part named `file`. The type is sniffed from the content (PDF, PNG, JPEG, docx, xlsx, UTF-8 text) and must agree with the file name extension and the declared Content-Type; the SHA-256 is computed here. Name the answered id in `attachments` of POST /api/instances or of an event.
     */
    post: operations['uploadAttachment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
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
  '/api/drafts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My drafts, last saved first */
    get: operations['listDrafts'];
    put?: never;
    /** 草稿: save an application without submitting it (visible only to you) */
    post: operations['createDraft'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/drafts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of my drafts (ETag = version) */
    get: operations['getDraft'];
    /** Save a draft again (If-Match: the version you edited) */
    put: operations['updateDraft'];
    post?: never;
    /** Delete one of my drafts */
    delete: operations['deleteDraft'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/drafts/{id}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 流程预览 of a draft: the route it would take if submitted now */
    get: operations['previewDraft'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/drafts/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit a draft: start its instance (idempotency key `draft:<id>`) and delete it */
    post: operations['submitDraft'];
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
  '/api/flows/{flowId}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 流程预览 of an application before it is submitted (refused as its start would be) */
    post: operations['previewStart'];
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
  '/api/instances/{id}/attachments/{attachmentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download an attachment of an instance (whoever may read the instance) */
    get: operations['downloadAttachment'];
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
  '/api/instances/{id}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 流程预览: the steps ahead, who can act (substitutes applied), by when and why */
    get: operations['previewInstance'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/{id}/remove-signer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 减签: take off an approver you added, while they have not decided */
    post: operations['removeSigner'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/{id}/sheet.html': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 审批单 — the approval sheet as print-friendly HTML */
    get: operations['getApprovalSheetHtml'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/{id}/sheet.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * 审批单 — the approval sheet as PDF
     * @description The application's fields, 签核历程 (every step: who, when, opinion), the attachments with their SHA-256, and the verification of the hash chain and of the stored files; Chinese text in an embedded font.
     */
    get: operations['getApprovalSheetPdf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/{id}/steps': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Each step decided or open: who decided, who is pending, the votes of 会签/依次 */
    get: operations['getSteps'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/{id}/take-back': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 拿回: take back your last approval while the next step has not acted */
    post: operations['takeBack'];
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
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who the caller is: id, name, roles, college (as the server resolved the token) */
    get: operations['me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/copies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 抄送我的: the instances copied to the caller (待阅 / 已阅), newest first */
    get: operations['copiesList'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/copies/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 已阅: marks a copy to the caller read (again: the first mark stays) */
    post: operations['markCopyRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/counts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The counts of 待办, 已办, 我发起的, 抄送我的 (待阅 and all) and the overdue 待办 */
    get: operations['myCounts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/done': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 已办: the decisions the caller made, newest first; filtered, searched, paged */
    get: operations['doneList'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/phrases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 常用意见: my common phrases for opinions, in my order */
    get: operations['getPhrases'];
    /** 常用意见: replace my common phrases (at most 50, duplicates dropped) */
    put: operations['putPhrases'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/started': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 我发起的: the instances the caller started, newest first; filtered, searched, paged */
    get: operations['startedList'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/substitutes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 代理人: who stands in for me when, and whom I stand in for now */
    get: operations['getSubstitutes'];
    /** 代理人: set who stands in for me in which date ranges (audited) */
    put: operations['putSubstitutes'];
    post?: never;
    /** 代理人: stand nobody in for me any more (audited) */
    delete: operations['deleteSubstitutes'];
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
    get: operations['getStatistics'];
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
    /** 待办: the caller's inbox — open tasks of their roles and scope, oldest deadline first; filtered, searched, paged */
    get: operations['inbox'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{taskId}/add-signer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 加签: another approver decides this step before, after or alongside you */
    post: operations['addSigner'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{taskId}/cc': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 抄送: tell people who may read the instance (no task for them) */
    post: operations['copyTask'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{taskId}/delegate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 委派: hand the task to a colleague of the same role; it comes back to you to decide */
    post: operations['delegateTask'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{taskId}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 委派办理完毕: the delegate gives their opinion and the task returns to the delegator */
    post: operations['resolveDelegation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{taskId}/return': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 退回 to a chosen earlier step (or `applicant`), re-assigned to whoever decided it there */
    post: operations['returnToStep'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{taskId}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 转办: the task moves to another holder of its role, for good */
    post: operations['transferTask'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 批量审批: approve several tasks, each on its own version and rules; a result per item */
    post: operations['batchApprove'];
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
     * @description PostgreSQL holds every command, so the server is up (200) while it answers; with REDIS_URL Redis is reported too, and its loss only degrades delivery (200, `degraded: true`). `calendar.warning`: next year has no holiday table yet (docs/calendar.md).
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
    AddSigner: {
      /** @example 请协助审核 */
      comment?: string;
      /**
       * @description 前加签 before, 后加签 after, or alongside (with)
       * @default before
       * @enum {string}
       */
      position?: 'before' | 'after' | 'with';
      /**
       * @description a person id (工号)
       * @example u-office2
       */
      userId: string;
    };
    Attachment: {
      id: string;
      name: string;
      /** @description SHA-256 of the bytes, lowercase hex */
      sha256: string;
      size: number;
      /** @description the media type sniffed from the content */
      type: string;
    };
    AttachmentCheck: {
      /** @enum {string} */
      check: 'ok' | 'missing' | 'altered';
      id: string;
      name: string;
      /** @description the history row that recorded it */
      seq: number;
      sha256: string;
    };
    BatchApprove: {
      /** @description for items without their own */
      comment?: string;
      items: {
        /** @description the item's own uploads (POST /api/attachments), recorded with its decision as a single 同意 records them */
        attachments?: string[];
        /** @example 请协助审核 */
        comment?: string;
        /** @description the instance version the caller saw (each item's own) */
        ifMatch?: number;
        taskId: string;
      }[];
    };
    BatchResult: {
      approved: number;
      items: {
        error: {
          code: string;
          details?: {
            [key: string]: unknown;
          };
          message: string;
          messageEn: string;
          status: number;
        } | null;
        instanceId: string | null;
        ok: boolean;
        state: string | null;
        status: string | null;
        taskId: string;
        version: number | null;
      }[];
      refused: number;
    };
    CalendarCoverageWarning: {
      /** @enum {string} */
      code: 'CALENDAR_NEXT_YEAR_NOT_COVERED';
      message: string;
      messageEn: string;
      /**
       * @description the Beijing day the warning started
       * @example 2026-11-01
       */
      since: string;
      /** @example 2027 */
      year: number;
    } | null;
    CopyItem: {
      createdAt: string;
      fromId: string;
      fromName: string | null;
      id: string;
      instance: components['schemas']['ListInstance'];
      readAt: string | null;
      /** @description the history row of the 抄送 */
      seq: number;
    };
    CopyPage: {
      items: components['schemas']['CopyItem'][];
      limit: number;
      offset: number;
      scan: components['schemas']['ListScan'];
      /** @description without a filter of the window: the rows, counted up to max(1000, offset + limit); with one: the matches in the window walked */
      total: number;
      /** @description false when the count reached its cap: `total` then means "at least" */
      totalExact: boolean;
    };
    CopyRead: {
      id: string;
      readAt: string;
    };
    /** @description 抄送: readers are told, get no task */
    CopyTask: {
      /** @example 请协助审核 */
      comment?: string;
      userIds: string[];
    };
    CreateDraft: {
      /** @description ids answered by POST /api/attachments (uploaded by the caller); on an update, absent keeps the ones saved before and [] removes them */
      attachments?: string[];
      /** @example pilot-project */
      flow: string;
      /** @description the application as typed so far (checked at submit) */
      input: unknown;
      /** @example 2027 年 Web 前端开发申报 */
      title?: string;
    };
    /** @description 委派: the delegate works on the task and hands it back (resolve) */
    DelegateTask: {
      /** @example 请协助审核 */
      comment?: string;
      /**
       * @description a person id (工号)
       * @example u-office2
       */
      to: string;
    };
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
    DoneItem: {
      at: string;
      comment: string | null;
      event: string;
      fromState: string | null;
      instance: components['schemas']['ListInstance'];
      /** @description the history row of the decision */
      seq: number;
      toState: string;
    };
    DonePage: {
      items: components['schemas']['DoneItem'][];
      limit: number;
      offset: number;
      scan: components['schemas']['ListScan'];
      /** @description without a filter of the window: the rows, counted up to max(1000, offset + limit); with one: the matches in the window walked */
      total: number;
      /** @description false when the count reached its cap: `total` then means "at least" */
      totalExact: boolean;
    };
    Draft: {
      /** @description the files saved with the draft, named in the application when it is submitted */
      attachments: components['schemas']['Attachment'][];
      createdAt: string;
      flow: string;
      id: string;
      input?: unknown;
      title: string;
      updatedAt: string;
      version: number;
    };
    DraftPage: {
      items: components['schemas']['DraftSummary'][];
      limit: number;
      offset: number;
      total: number;
    };
    DraftSummary: {
      /** @description the files saved with the draft, named in the application when it is submitted */
      attachments: components['schemas']['Attachment'][];
      createdAt: string;
      flow: string;
      id: string;
      title: string;
      updatedAt: string;
      version: number;
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
          /** @description this step's tasks may be approved together (批量审批, POST /api/tasks/batch) */
          batch: boolean;
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
      scan: components['schemas']['ListScan'];
      /** @description without a filter of the window: the rows, counted up to max(1000, offset + limit); with one: the matches in the window walked */
      total: number;
      /** @description false when the count reached its cap: `total` then means "at least" */
      totalExact: boolean;
    };
    InboxTask: components['schemas']['Task'] & {
      /** @description may be approved with others in POST /api/tasks/batch (its step allows 批量审批) */
      batch: boolean;
      flow: string;
      instance: components['schemas']['ListInstance'];
      instanceId: string;
      /** @description past its deadline now */
      overdue: boolean;
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
    InstanceSteps: {
      instanceId: string;
      items: components['schemas']['StepState'][];
      version: number;
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
    ListCounts: {
      /**
       * @description the figures counted up to their cap of 1000: each is given as 1000 and means "at least" (show 1000+)
       * @example [
       *       "todo"
       *     ]
       */
      atLeast: ('todo' | 'done' | 'started' | 'copiesUnread' | 'copies' | 'overdue')[];
      /** @description 抄送我的, all */
      copies: number;
      /** @description 抄送我的, 待阅 */
      copiesUnread: number;
      /** @description 已办 (decisions made) */
      done: number;
      /** @description 待办 past its deadline */
      overdue: number;
      /** @description 我发起的 */
      started: number;
      /** @description 待办 */
      todo: number;
    };
    ListInstance: {
      college: string | null;
      createdAt: string;
      flow: string;
      flowVersion: number;
      id: string;
      /** @description an open task of it is past its deadline now */
      overdue: boolean;
      state: string;
      /** @enum {string} */
      status: 'active' | 'completed' | 'rejected' | 'withdrawn' | 'cancelled';
      submitterId: string;
      submitterName: string | null;
      title: string;
      updatedAt: string;
    };
    /** @description the window a page filtered by flow, status, college, overdue or keyword walked (at most 2000 rows); the page is null without such a filter */
    ListScan: {
      /** @description the window reached the list's end */
      complete: boolean;
      /** @description the first position walked (scanFrom) */
      from: number;
      /** @description one past the last position walked: the next window starts here */
      to: number;
    } | null;
    Me: {
      college: string | null;
      email: string | null;
      id: string;
      name: string | null;
      organization: string | null;
      roles: string[];
    };
    Phrases: {
      /**
       * @example [
       *       "同意",
       *       "材料齐全，同意",
       *       "请补充合作协议后重新提交"
       *     ]
       */
      items: string[];
    };
    PreviewStart: {
      /** @description the flow input, as for POST /api/instances */
      input?: unknown;
    };
    /** @description replaces every period; periods may not overlap */
    PutSubstitutes: {
      periods: components['schemas']['SubstitutePeriodInput'][];
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
    /** @description 减签: an approver the caller added, still pending */
    RemoveSigner: {
      /** @example 请协助审核 */
      comment?: string;
      /**
       * @description a person id (工号)
       * @example u-office2
       */
      userId: string;
    };
    /** @description 委派办理完毕: the delegate's opinion */
    ResolveDelegation: {
      /** @example 请协助审核 */
      comment?: string;
    };
    ReturnToStep: {
      /**
       * @description the reason (required)
       * @example 请复核
       */
      comment: string;
      /**
       * @description an earlier step's name, or `applicant`
       * @example college
       */
      toStep: string;
    };
    RoutePreview: {
      assumption: {
        en: string;
        zh: string;
      };
      complete: boolean;
      flow: string;
      flowVersion: number;
      steps: {
        approvers: {
          id: string;
          name: string;
          substitute: {
            id: string;
            name: string;
          } | null;
        }[];
        current: boolean;
        dueAt: string | null;
        dueExplanation: {
          en: string;
          zh: string;
        } | null;
        dueProvisional: boolean;
        enteredAt: string;
        /** @enum {string} */
        mode: 'any' | 'all' | 'sequence';
        role: string;
        scope: string;
        state: string;
        step: string;
        threshold: number;
      }[];
    };
    SendEvent: {
      /** @description ids answered by POST /api/attachments (uploaded by the caller) */
      attachments?: string[];
      /** @example 同意 */
      comment?: string;
      data?: {
        [key: string]: unknown;
      };
      taskId?: string;
      /** @example APPROVE */
      type: string;
    };
    StartedItem: {
      instance: components['schemas']['ListInstance'];
    };
    StartedPage: {
      items: components['schemas']['StartedItem'][];
      limit: number;
      offset: number;
      scan: components['schemas']['ListScan'];
      /** @description without a filter of the window: the rows, counted up to max(1000, offset + limit); with one: the matches in the window walked */
      total: number;
      /** @description false when the count reached its cap: `total` then means "at least" */
      totalExact: boolean;
    };
    StartInstance: {
      /** @description ids answered by POST /api/attachments (uploaded by the caller) */
      attachments?: string[];
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
    StepSlot: {
      addedBy: string | null;
      /**
       * @description waiting: a later round (依次, 后加签), not open yet; closed: an earlier round completed without them
       * @enum {string}
       */
      decision: 'approved' | 'against' | 'pending' | 'waiting' | 'closed';
      /** @enum {string} */
      kind: 'role' | 'person';
      name: string | null;
      personId: string | null;
    };
    StepState: {
      decided: {
        actorId: string;
        actorName: string | null;
        /** @description 由 X 代 Y 审批: Y */
        onBehalfOf: string | null;
        seq: number;
        /** @description the seq of the (re)submission after this decision: the step is to be decided again */
        supersededBy: number | null;
      }[];
      /** @enum {string} */
      mode: 'any' | 'all' | 'sequence';
      /** @description the step has open tasks now */
      open: boolean;
      pending: {
        assignee: string | null;
        assigneeName: string | null;
        delegatedTo: string | null;
        dueAt: string | null;
        kind: string;
        role: string;
        taskId: string;
      }[];
      /** @description 退回 may send the instance to this step now: decided since the last (re)submission, not open */
      returnable: boolean;
      /** @description every round, in order */
      slots: components['schemas']['StepSlot'][];
      state: string | null;
      step: string;
      /** @description the current round of a 会签/依次/加签 step; null for 或签 */
      votes: {
        against: number;
        approved: number;
        approvers: number;
        round: number;
        rounds: number;
        threshold: number;
      } | null;
    };
    SubstitutePeriodInput: {
      /**
       * Format: date-time
       * @description ISO-8601 with offset
       * @example 2027-03-01T00:00:00+08:00
       */
      from: string;
      /** @example 出差 */
      reason?: string;
      /** @example u-deputy */
      substituteId: string;
      /**
       * Format: date-time
       * @description exclusive
       * @example 2027-03-01T00:00:00+08:00
       */
      to: string;
    };
    Substitutes: {
      periods: {
        /** @description covers now */
        active: boolean;
        from: string;
        reason: string | null;
        substituteId: string;
        substituteName: string | null;
        to: string;
      }[];
      personId: string;
      /** @description the people the caller stands in for now (代理人 of them) */
      principals: {
        id: string;
        name: string;
      }[];
      /** @description send as If-Match to update */
      version: number | null;
    };
    /** @description 拿回: the caller takes back their last approval */
    TakeBack: {
      /** @example 请协助审核 */
      comment?: string;
    };
    Task: {
      approval: boolean;
      assignee: string | null;
      college: string | null;
      createdAt: string;
      /** @description the deadline, its rule and the days it skips (docs/calendar.md) */
      due: {
        at: string;
        /**
         * @example {
         *       "zh": "5个工作日；跳过 10月1日–7日 国庆",
         *       "en": "5 working days; skips 1–7 Oct (National Day)"
         *     }
         */
        explanation: {
          en: string;
          zh: string;
        };
        /** @description the year has no official holiday table yet: counted on weekends alone (暂按周末计算), moved when 教务处 loads it */
        provisional: boolean;
      } | null;
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
    /** @description 转办: the task moves to another holder for good */
    TransferTask: {
      /** @example 请协助审核 */
      comment?: string;
      /**
       * @description a person id (工号)
       * @example u-office2
       */
      to: string;
    };
    UpdateDraft: {
      /** @description ids answered by POST /api/attachments (uploaded by the caller); on an update, absent keeps the ones saved before and [] removes them */
      attachments?: string[];
      /** @description the application as typed so far (checked at submit) */
      input: unknown;
      /** @example 2027 年 Web 前端开发申报 */
      title?: string;
    };
    Verdict: {
      /** @description every recorded attachment, its stored file re-hashed (absent when there is none) */
      attachments?: components['schemas']['AttachmentCheck'][];
      brokenAt?: number;
      count: number;
      ok: boolean;
      /** @description hash / link (the chain), attachment-missing / attachment-altered (a stored file) */
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
  uploadAttachment: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description the file (one part named file)
           */
          file: string;
        };
      };
    };
    responses: {
      /** @description stored */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Attachment'];
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
      /** @description ATTACHMENT_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ATTACHMENT_TYPE_NOT_ALLOWED / UNSUPPORTED_MEDIA_TYPE */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
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
  listDrafts: {
    parameters: {
      query?: {
        flow?: string;
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
          'application/json': components['schemas']['DraftPage'];
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
  createDraft: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateDraft'];
      };
    };
    responses: {
      /** @description the draft */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Draft'];
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getDraft: {
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
      /** @description the draft */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Draft'];
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
  updateDraft: {
    parameters: {
      query?: never;
      header?: {
        /** @description the version last read (409 VERSION_CONFLICT otherwise) */
        'if-match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateDraft'];
      };
    };
    responses: {
      /** @description the draft */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Draft'];
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteDraft: {
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
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
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
  previewDraft: {
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
      /** @description the route it would take */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoutePreview'];
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  submitDraft: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, never>;
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
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
  previewStart: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        flowId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PreviewStart'];
      };
    };
    responses: {
      /** @description the route it would take */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoutePreview'];
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
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
  downloadAttachment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        attachmentId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file as uploaded (ETag = its SHA-256) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
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
      /** @description ATTACHMENT_ALTERED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ATTACHMENT_MISSING */
      410: {
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
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
  previewInstance: {
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
      /** @description the route ahead */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoutePreview'];
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
  removeSigner: {
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
        'application/json': components['schemas']['RemoveSigner'];
      };
    };
    responses: {
      /** @description accepted: the instance after it */
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApprovalSheetHtml: {
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
      /** @description the sheet */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
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
  getApprovalSheetPdf: {
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
      /** @description the sheet (A4) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
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
  getSteps: {
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
      /** @description the steps */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstanceSteps'];
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
  takeBack: {
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
        'application/json': components['schemas']['TakeBack'];
      };
    };
    responses: {
      /** @description accepted: the instance after it */
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
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
  me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the caller */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
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
  copiesList: {
    parameters: {
      query?: {
        college?: string;
        flow?: string;
        /** @description from this day (Beijing time) or instant on, inclusive */
        from?: string;
        /** @description words (space-separated, all must match; at most 5) in the title, applicant name, certificate or college name */
        keyword?: string;
        limit?: number;
        offset?: number | null;
        /** @description 待办: by deadline, `asc` (default) soonest first; other lists by time, `desc` (default) newest first */
        order?: 'asc' | 'desc';
        /** @description 待办: past its deadline; other lists: the instance has an open task past its deadline */
        overdue?: 'true' | 'false';
        /** @description `false` = 待阅, `true` = 已阅 */
        read?: 'true' | 'false';
        /** @description a filtered page (flow, status, college, overdue, keyword) walks at most 2000 rows of the list from this position of the unfiltered list (default 0); the answer's `scan.to` is the next window's scanFrom */
        scanFrom?: string;
        status?: 'active' | 'completed' | 'rejected' | 'withdrawn' | 'cancelled';
        /** @description up to this day (inclusive) or instant (exclusive) */
        to?: string;
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
          'application/json': components['schemas']['CopyPage'];
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
  markCopyRead: {
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
      /** @description read */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CopyRead'];
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
      /** @description COPY_NOT_FOUND */
      404: {
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
    };
  };
  myCounts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the counts */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListCounts'];
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
  doneList: {
    parameters: {
      query?: {
        college?: string;
        flow?: string;
        /** @description from this day (Beijing time) or instant on, inclusive */
        from?: string;
        /** @description words (space-separated, all must match; at most 5) in the title, applicant name, certificate or college name */
        keyword?: string;
        limit?: number;
        offset?: number | null;
        /** @description 待办: by deadline, `asc` (default) soonest first; other lists by time, `desc` (default) newest first */
        order?: 'asc' | 'desc';
        /** @description 待办: past its deadline; other lists: the instance has an open task past its deadline */
        overdue?: 'true' | 'false';
        /** @description a filtered page (flow, status, college, overdue, keyword) walks at most 2000 rows of the list from this position of the unfiltered list (default 0); the answer's `scan.to` is the next window's scanFrom */
        scanFrom?: string;
        status?: 'active' | 'completed' | 'rejected' | 'withdrawn' | 'cancelled';
        /** @description up to this day (inclusive) or instant (exclusive) */
        to?: string;
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
          'application/json': components['schemas']['DonePage'];
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
  getPhrases: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the phrases */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Phrases'];
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
  putPhrases: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Phrases'];
      };
    };
    responses: {
      /** @description stored */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Phrases'];
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  startedList: {
    parameters: {
      query?: {
        college?: string;
        flow?: string;
        /** @description from this day (Beijing time) or instant on, inclusive */
        from?: string;
        /** @description words (space-separated, all must match; at most 5) in the title, applicant name, certificate or college name */
        keyword?: string;
        limit?: number;
        offset?: number | null;
        /** @description 待办: by deadline, `asc` (default) soonest first; other lists by time, `desc` (default) newest first */
        order?: 'asc' | 'desc';
        /** @description 待办: past its deadline; other lists: the instance has an open task past its deadline */
        overdue?: 'true' | 'false';
        /** @description a filtered page (flow, status, college, overdue, keyword) walks at most 2000 rows of the list from this position of the unfiltered list (default 0); the answer's `scan.to` is the next window's scanFrom */
        scanFrom?: string;
        status?: 'active' | 'completed' | 'rejected' | 'withdrawn' | 'cancelled';
        /** @description up to this day (inclusive) or instant (exclusive) */
        to?: string;
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
          'application/json': components['schemas']['StartedPage'];
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
  getSubstitutes: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the caller's substitutes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Substitutes'];
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
  putSubstitutes: {
    parameters: {
      query?: never;
      header?: {
        /** @description the version last read (409 VERSION_CONFLICT otherwise) */
        'if-match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PutSubstitutes'];
      };
    };
    responses: {
      /** @description the caller's substitutes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Substitutes'];
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteSubstitutes: {
    parameters: {
      query?: never;
      header?: {
        /** @description the version last read (409 VERSION_CONFLICT otherwise) */
        'if-match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the caller's substitutes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Substitutes'];
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getStatistics: {
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
  inbox: {
    parameters: {
      query?: {
        college?: string;
        flow?: string;
        /** @description from this day (Beijing time) or instant on, inclusive */
        from?: string;
        /** @description words (space-separated, all must match; at most 5) in the title, applicant name, certificate or college name */
        keyword?: string;
        limit?: number;
        offset?: number | null;
        /** @description 待办: by deadline, `asc` (default) soonest first; other lists by time, `desc` (default) newest first */
        order?: 'asc' | 'desc';
        /** @description 待办: past its deadline; other lists: the instance has an open task past its deadline */
        overdue?: 'true' | 'false';
        /** @description a filtered page (flow, status, college, overdue, keyword) walks at most 2000 rows of the list from this position of the unfiltered list (default 0); the answer's `scan.to` is the next window's scanFrom */
        scanFrom?: string;
        status?: 'active' | 'completed' | 'rejected' | 'withdrawn' | 'cancelled';
        /** @description up to this day (inclusive) or instant (exclusive) */
        to?: string;
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
  addSigner: {
    parameters: {
      query?: never;
      header?: {
        /** @description a repeat returns the first answer and applies nothing */
        'idempotency-key'?: string;
        /** @description expected instance version (409 VERSION_CONFLICT otherwise) */
        'if-match'?: string;
      };
      path: {
        taskId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddSigner'];
      };
    };
    responses: {
      /** @description accepted: the instance after it */
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  copyTask: {
    parameters: {
      query?: never;
      header?: {
        /** @description a repeat returns the first answer and applies nothing */
        'idempotency-key'?: string;
        /** @description expected instance version (409 VERSION_CONFLICT otherwise) */
        'if-match'?: string;
      };
      path: {
        taskId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CopyTask'];
      };
    };
    responses: {
      /** @description accepted: the instance after it */
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  delegateTask: {
    parameters: {
      query?: never;
      header?: {
        /** @description a repeat returns the first answer and applies nothing */
        'idempotency-key'?: string;
        /** @description expected instance version (409 VERSION_CONFLICT otherwise) */
        'if-match'?: string;
      };
      path: {
        taskId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DelegateTask'];
      };
    };
    responses: {
      /** @description accepted: the instance after it */
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  resolveDelegation: {
    parameters: {
      query?: never;
      header?: {
        /** @description a repeat returns the first answer and applies nothing */
        'idempotency-key'?: string;
        /** @description expected instance version (409 VERSION_CONFLICT otherwise) */
        'if-match'?: string;
      };
      path: {
        taskId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResolveDelegation'];
      };
    };
    responses: {
      /** @description accepted: the instance after it */
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  returnToStep: {
    parameters: {
      query?: never;
      header?: {
        /** @description a repeat returns the first answer and applies nothing */
        'idempotency-key'?: string;
        /** @description expected instance version (409 VERSION_CONFLICT otherwise) */
        'if-match'?: string;
      };
      path: {
        taskId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReturnToStep'];
      };
    };
    responses: {
      /** @description accepted: the instance after it */
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  transferTask: {
    parameters: {
      query?: never;
      header?: {
        /** @description a repeat returns the first answer and applies nothing */
        'idempotency-key'?: string;
        /** @description expected instance version (409 VERSION_CONFLICT otherwise) */
        'if-match'?: string;
      };
      path: {
        taskId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransferTask'];
      };
    };
    responses: {
      /** @description accepted: the instance after it */
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  batchApprove: {
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
        'application/json': components['schemas']['BatchApprove'];
      };
    };
    responses: {
      /** @description every item decided or refused on its own (refused items changed nothing) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BatchResult'];
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
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
      /** @description VERSION_CONFLICT / EVENT_NOT_ACCEPTED / IDEMPOTENCY_KEY_REUSED / STEP_NOT_REACHED / TAKE_BACK_NOT_ALLOWED / TASK_DELEGATED */
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
      /** @description URGE_TOO_SOON: 催办 again within the interval; Retry-After says when */
      429: {
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
            /** @description From 1 November (CERTFLOW_CALENDAR_WARN_FROM) while next year has no holiday table: the warning (still 200: deadlines in that year are provisional, counted on weekends alone) */
            calendar?: {
              warning: components['schemas']['CalendarCoverageWarning'];
            };
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
            /** @description From 1 November (CERTFLOW_CALENDAR_WARN_FROM) while next year has no holiday table: the warning (still 200: deadlines in that year are provisional, counted on weekends alone) */
            calendar?: {
              warning: components['schemas']['CalendarCoverageWarning'];
            };
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
