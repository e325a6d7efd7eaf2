import {
  CertflowError,
  type BatchApproveRequest,
  type BatchResult,
  type InboxTask,
} from '@certflow/client';
import { serverMessage } from '../../api/error-text';

/**
 * 批量审批 from the 待办 list (docs/http-api.md § Batch): only the tasks whose step allows it
 * (`batch`, from the flow's own `batch: true`) can be selected; each item is decided or refused
 * on its own, and the refusal is the server's Chinese sentence for that item.
 */

/** The most items one request takes (the server's limit). */
export const BATCH_MAX = 50;

export const selectable = (tasks: readonly InboxTask[]): InboxTask[] =>
  tasks.filter((t) => t.batch);

/** The selection, kept to the tasks still listed and still batchable (a refresh may drop some). */
export function keepSelected(selected: readonly string[], tasks: readonly InboxTask[]): string[] {
  const open = new Set(selectable(tasks).map((t) => t.id));
  return selected.filter((id) => open.has(id));
}

/** The request: one item per selected task, the optional opinion for all of them. */
export function batchRequest(taskIds: readonly string[], comment: string): BatchApproveRequest {
  const text = comment.trim();
  return {
    items: taskIds.slice(0, BATCH_MAX).map((taskId) => ({ taskId })),
    ...(text ? { comment: text } : {}),
  };
}

export interface BatchOutcome {
  readonly taskId: string;
  readonly title: string;
  readonly ok: boolean;
  /** 已同意 or why not, in Chinese. */
  readonly text: string;
}

/** Each item's result with its title: 已同意, or the server's refusal in Chinese. */
export function outcomesOf(
  result: BatchResult,
  titleOf: (taskId: string) => string | undefined,
): BatchOutcome[] {
  return result.items.map((item) => ({
    taskId: item.taskId,
    title: titleOf(item.taskId) ?? item.taskId,
    ok: item.ok,
    text:
      item.ok || !item.error
        ? '已同意'
        : serverMessage(new CertflowError(item.error.status, item.error)),
  }));
}

/** `已同意 2 项` / `已同意 1 项，1 项未能办理`. */
export function summaryOf(result: BatchResult): string {
  if (result.refused === 0) return `已同意 ${result.approved} 项`;
  if (result.approved === 0) return `${result.refused} 项均未能办理`;
  return `已同意 ${result.approved} 项，${result.refused} 项未能办理`;
}
