import type { DraftSummary, FlowInfo } from '@certflow/client';

/** A draft's name: the server's title of a complete input, else the flow's name, marked 未填写完整. */
export function draftTitle(
  d: Pick<DraftSummary, 'title' | 'flow'>,
  flow: FlowInfo | undefined,
): string {
  return d.title.trim() ? d.title : `${flow?.title.zh ?? d.flow}（未填写完整）`;
}
