/**
 * What an approval sheet (审批单) shows, as plain data: the server gathers it from the instance,
 * its history, its attachments and the chain's verification; `renderSheetPdf` and
 * `renderSheetHtml` turn it into bytes and markup. Times are ISO strings (shown in Asia/Shanghai).
 */
export interface SheetData {
  /** The school's name in the sheet's heading (default: none). */
  readonly school?: string;
  /** The flow's title (e.g. 年度试点项目申报). */
  readonly flowTitle: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly instanceId: string;
  /** The instance's title (what the application is about). */
  readonly title: string;
  /** `active`, `completed`, `rejected`, `withdrawn`, `cancelled` (shown in Chinese). */
  readonly status: string;
  readonly state: string;
  readonly applicant: SheetPerson;
  /** The college's name (or id), when the instance belongs to one. */
  readonly college: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The application's fields, in order: a label and the value as text. */
  readonly fields: readonly SheetField[];
  /** 签核历程: every history row, oldest first. */
  readonly steps: readonly SheetStep[];
  readonly attachments: readonly SheetAttachment[];
  readonly verification: SheetVerification;
  /** When the sheet was produced (the caller's clock). */
  readonly generatedAt: string;
}

export interface SheetPerson {
  readonly id: string;
  readonly name: string | null;
}

export interface SheetField {
  readonly label: string;
  readonly value: string;
}

export interface SheetStep {
  readonly seq: number;
  readonly at: string;
  readonly actor: SheetPerson;
  /** The person the actor decided for, as their substitute (由 X 代 Y 审批). */
  readonly onBehalfOf?: SheetPerson;
  /** The event code (APPROVE, RETURN …); shown through `label` or `EVENT_LABELS`. */
  readonly event: string;
  readonly label?: string;
  readonly fromState: string | null;
  readonly toState: string;
  /** 意见: the comment of the row. */
  readonly comment: string | null;
  /** The row's hash (the first 12 hex digits are printed). */
  readonly hash: string;
}

export type AttachmentCheck = 'ok' | 'missing' | 'altered';

export interface SheetAttachment {
  readonly id: string;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  /** The history row that recorded it. */
  readonly seq: number;
  /** What re-hashing the stored file found. */
  readonly check: AttachmentCheck;
}

export interface SheetVerification {
  /** The chain and every attachment verified. */
  readonly ok: boolean;
  /** History rows checked. */
  readonly count: number;
  /** The first row that broke (chain) or whose file failed (attachment). */
  readonly brokenAt?: number;
  readonly reason?: string;
}
