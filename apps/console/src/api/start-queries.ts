import type { JsonObject } from '@certflow/client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from './use-api';

export const startKeys = {
  drafts: ['drafts', 'page'] as const,
  draftPage: (page: number, pageSize: number) => ['drafts', 'page', page, pageSize] as const,
  draft: (id: string) => ['drafts', 'one', id] as const,
  preview: (target: PreviewTarget) => ['start-preview', target] as const,
};

/** 草稿箱: my drafts, last saved first (the server shows each person only their own). */
export function useDrafts(page: number, pageSize: number) {
  const api = useApi();
  return useQuery({
    queryKey: startKeys.draftPage(page, pageSize),
    queryFn: () => api.listDrafts({ limit: pageSize, offset: (page - 1) * pageSize }),
  });
}

/** One of my drafts to edit again (`null`: a new application). */
export function useDraft(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: startKeys.draft(id ?? ''),
    queryFn: () => api.getDraft(id ?? ''),
    enabled: id !== null,
    // What is being edited must not change under the person's hands.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/**
 * What the 流程预览 is asked for: a saved draft as saved (`previewDraft`), or the form as typed
 * now (`previewStart`), docs/http-api.md § Preview.
 */
export type PreviewTarget =
  | { readonly kind: 'draft'; readonly id: string; readonly version: number }
  | { readonly kind: 'start'; readonly flow: string; readonly input: JsonObject };

export function useStartPreview(target: PreviewTarget | null) {
  const api = useApi();
  return useQuery({
    queryKey: startKeys.preview(target ?? { kind: 'start', flow: '', input: {} }),
    queryFn: () =>
      target?.kind === 'draft'
        ? api.previewDraft(target.id)
        : api.previewStart(target?.flow ?? '', target?.input ?? {}),
    enabled: target !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
