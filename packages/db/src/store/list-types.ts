import type { InboxQuery, InstanceStatus, TaskRecord } from '@certflow/engine';

// The lists' filters, pages, rows and results (lists.ts, docs/lists.md).

/** Filters every list takes. Dates bound the list's own time: arrival, decision, start, copy. */
export interface ListFilter {
  readonly flow?: string | undefined;
  readonly status?: InstanceStatus | undefined;
  readonly college?: string | undefined;
  /** Inclusive lower bound. */
  readonly from?: Date | undefined;
  /** Exclusive upper bound. */
  readonly to?: Date | undefined;
  /** 待办: the task is past its deadline; the other lists: the instance has such a task. */
  readonly overdue?: boolean | undefined;
  /**
   * Words (split on white space, all must match) found in the title, the applicant's name, the
   * certificate or the college's name; case-insensitive.
   */
  readonly keyword?: string | undefined;
}

export interface ListPage {
  readonly limit: number;
  readonly offset: number;
  /** 待办: by deadline (`asc`, the default: soonest first); the others by time (`desc`: newest first). */
  readonly order?: 'asc' | 'desc' | undefined;
  /**
   * A filtered page (flow, status, college, overdue, keyword) walks a window of the person's
   * unfiltered list from this position (default 0) and pages among the matches in it
   * (docs/lists.md § Bounded totals and the scan window). Ignored without such a filter.
   */
  readonly scanFrom?: number | undefined;
}

/**
 * The bounds of docs/lists.md § Bounded totals and the scan window. Production uses
 * `DEFAULT_LIST_CAPS`; tests pass small ones.
 */
export interface ListCaps {
  /** A page's `total` is counted up to max(total, offset + limit) (one more row to tell). */
  readonly total: number;
  /** Each figure of the counts is counted up to this (one more row to tell). */
  readonly counts: number;
  /** A filtered page walks at most this many rows of the person's list. */
  readonly window: number;
}

export const DEFAULT_LIST_CAPS: ListCaps = { total: 1000, counts: 1000, window: 2000 };

export interface ListsOptions {
  readonly caps?: Partial<ListCaps> | undefined;
}

/** The window a filtered page walked: positions `from` (inclusive) to `to` (exclusive). */
export interface ListScan {
  readonly from: number;
  readonly to: number;
  /** The window reached the end of the person's list. */
  readonly complete: boolean;
}

/** 抄送我的 also filters on the read mark: `false` = 待阅, `true` = 已阅. */
export interface CopyFilter extends ListFilter {
  readonly read?: boolean | undefined;
}

/** The instance as a list shows it. */
export interface ListInstance {
  readonly id: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly title: string;
  readonly state: string;
  readonly status: InstanceStatus;
  readonly college: string | null;
  readonly organization: string | null;
  readonly submitterId: string;
  /** The applicant as the directory names them (null for someone no longer there). */
  readonly submitterName: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** It has an open task past its deadline now. */
  readonly overdue: boolean;
}

export interface TodoItem {
  readonly task: TaskRecord;
  readonly instance: ListInstance;
}

export interface DecidedItem {
  readonly seq: number;
  readonly event: string;
  readonly at: Date;
  readonly comment: string | null;
  readonly fromState: string | null;
  readonly toState: string;
  readonly instance: ListInstance;
}

export interface StartedItem {
  readonly instance: ListInstance;
}

export interface CopyItem {
  readonly id: string;
  readonly seq: number;
  readonly fromId: string;
  readonly fromName: string | null;
  readonly createdAt: Date;
  readonly readAt: Date | null;
  readonly instance: ListInstance;
}

export interface ListResult<T> {
  readonly items: T[];
  /**
   * Unfiltered (or by dates / read mark only): the rows, counted up to the cap; a filtered page:
   * the matches in the window it walked (`scan`).
   */
  readonly total: number;
  /** False when the count reached the cap: `total` then means "at least". */
  readonly totalExact: boolean;
  /** The window of a filtered page; null without such a filter. */
  readonly scan: ListScan | null;
}

/** Who the 待办 is for: the inbox's query without its page. */
export type TodoOwner = Omit<InboxQuery, 'limit' | 'offset'>;

export interface ListCounts {
  readonly todo: number;
  readonly done: number;
  readonly started: number;
  /** 抄送我的, 待阅. */
  readonly copiesUnread: number;
  /** 抄送我的, all. */
  readonly copies: number;
  /** 待办 past its deadline. */
  readonly overdue: number;
  /** The figures that reached the cap (given as the cap itself, meaning "at least"). */
  readonly atLeast: readonly CountName[];
}

export type CountName = 'todo' | 'done' | 'started' | 'copiesUnread' | 'copies' | 'overdue';

export interface Lists {
  todo(
    owner: TodoOwner,
    filter: ListFilter,
    page: ListPage,
    now: Date,
  ): Promise<ListResult<TodoItem>>;
  decided(
    personId: string,
    filter: ListFilter,
    page: ListPage,
    now: Date,
  ): Promise<ListResult<DecidedItem>>;
  started(
    personId: string,
    filter: ListFilter,
    page: ListPage,
    now: Date,
  ): Promise<ListResult<StartedItem>>;
  copies(
    personId: string,
    filter: CopyFilter,
    page: ListPage,
    now: Date,
  ): Promise<ListResult<CopyItem>>;
  counts(owner: TodoOwner, now: Date): Promise<ListCounts>;
  /**
   * 已阅: marks the person's copy read (the first mark stays); undefined when it is not a copy to
   * them. Not an instance command: nothing is appended to the history.
   */
  markCopyRead(personId: string, copyId: string, at: Date): Promise<{ readAt: Date } | undefined>;
}
