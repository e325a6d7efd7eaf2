import type {
  CertflowClient,
  CopiesRequest,
  InstanceFilter,
  ListRequest,
  PageRequest,
} from '@certflow/client';
import { useQuery } from '@tanstack/react-query';
import { useApi } from './use-api';

/** Lists refresh on their own this often (and when the window regains focus). */
export const POLL_MS = 15_000;

export const keys = {
  flows: ['flows'] as const,
  inbox: (page: PageRequest) => ['inbox', page] as const,
  done: (request: ListRequest) => ['done', request] as const,
  started: (request: ListRequest) => ['started', request] as const,
  copies: (request: CopiesRequest) => ['copies', request] as const,
  counts: ['counts'] as const,
  instances: (filter: InstanceFilter) => ['instances', filter] as const,
  instance: (id: string) => ['instance', id] as const,
  history: (id: string) => ['history', id] as const,
  verify: (id: string) => ['verify', id] as const,
  people: ['people'] as const,
};

export function useFlows() {
  const api = useApi();
  return useQuery({ queryKey: keys.flows, queryFn: () => api.flows(), staleTime: 10 * 60_000 });
}

export function useInbox(page: PageRequest) {
  const api = useApi();
  return useQuery({
    queryKey: keys.inbox(page),
    queryFn: () => api.inbox(page),
    refetchInterval: POLL_MS,
  });
}

/** 已办: the caller's decisions (docs/lists.md). */
export function useDoneList(request: ListRequest) {
  const api = useApi();
  return useQuery({
    queryKey: keys.done(request),
    queryFn: () => api.doneList(request),
    refetchInterval: POLL_MS,
  });
}

/** 我发起的: the instances the caller started. */
export function useStartedList(request: ListRequest) {
  const api = useApi();
  return useQuery({
    queryKey: keys.started(request),
    queryFn: () => api.startedList(request),
    refetchInterval: POLL_MS,
  });
}

/** 抄送我的: copies to the caller, 待阅 or 已阅. */
export function useCopiesList(request: CopiesRequest) {
  const api = useApi();
  return useQuery({
    queryKey: keys.copies(request),
    queryFn: () => api.copiesList(request),
    refetchInterval: POLL_MS,
  });
}

/** The badges of the four lists and the overdue 待办 (one index-only statement on the server). */
export function useCounts() {
  const api = useApi();
  return useQuery({
    queryKey: keys.counts,
    queryFn: () => api.myCounts(),
    refetchInterval: POLL_MS,
  });
}

export function useInstances(filter: InstanceFilter) {
  const api = useApi();
  return useQuery({
    queryKey: keys.instances(filter),
    queryFn: () => api.listInstances(filter),
    refetchInterval: POLL_MS,
  });
}

export function useInstance(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.instance(id),
    queryFn: () => api.getInstance(id),
    refetchInterval: POLL_MS,
  });
}

export function useHistory(id: string, version: number | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...keys.history(id), version],
    queryFn: () => api.history(id),
    enabled: version !== undefined,
  });
}

export function useVerify(id: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: keys.verify(id),
    queryFn: () => api.verify(id),
    enabled,
    staleTime: 0,
  });
}

/** The flows as a map by id (newest version per id) and by `id@version`. */
export function flowIndex(items: Awaited<ReturnType<CertflowClient['flows']>>['items']) {
  const byVersion = new Map(items.map((f) => [`${f.id}@${f.version}`, f]));
  const latest = new Map(items.filter((f) => f.latest).map((f) => [f.id, f]));
  return { byVersion, latest };
}
