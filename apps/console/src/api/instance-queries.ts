import type { CertflowClient, Instance } from '@certflow/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from './admin-queries';
import { keys } from './queries';
import { useApi } from './use-api';

/** The instance page's own queries (docs/http-api.md § Approval operations). */
export const instanceKeys = {
  steps: (id: string) => ['steps', id] as const,
  phrases: ['phrases'] as const,
};

/** Who decided and who is pending, per step (`GET /api/instances/{id}/steps`), at `version`. */
export function useSteps(id: string, version: number | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...instanceKeys.steps(id), version],
    queryFn: () => api.steps(id),
    enabled: version !== undefined,
  });
}

/** The signed-in person's 常用意见 (`GET /api/me/phrases`). */
export function usePhrases() {
  const api = useApi();
  return useQuery({
    queryKey: instanceKeys.phrases,
    queryFn: () => api.phrases(),
    staleTime: 5 * 60_000,
  });
}

/** Replaces the person's 常用意见 (`PUT /api/me/phrases`); the cache takes the answer. */
export function useSavePhrases() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: string[]) => api.putPhrases(items),
    onSuccess: (answer) => queryClient.setQueryData(instanceKeys.phrases, answer),
  });
}

/**
 * One command of the instance page through a typed client method (an event, 转办, 委派, 加签 …).
 * The answer is the instance after it; every query is refreshed (lists, steps, history).
 */
export function useInstanceCommand(instanceId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (run: (client: CertflowClient) => Promise<Instance>) => run(api),
    onSuccess: async (instance) => {
      queryClient.setQueryData(keys.instance(instanceId), instance);
      await queryClient.invalidateQueries();
    },
  });
}

/** The roles that read the whole directory (`GET /api/directory/users`: school readers). */
const DIRECTORY_READERS = ['academic_affairs', 'leadership', 'finance'];

/**
 * The campus directory's people, for the person picker of 转办/委派/加签/抄送 — asked only by
 * the roles the server lets read it (anyone else picks from the published demo people).
 */
export function useDirectoryPeople(roles: readonly string[]) {
  const api = useApi();
  return useQuery({
    queryKey: adminKeys.directoryUsers,
    queryFn: () => api.directoryUsers(),
    enabled: roles.some((r) => DIRECTORY_READERS.includes(r)),
    staleTime: 60_000,
  });
}
