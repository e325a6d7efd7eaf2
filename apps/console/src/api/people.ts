import type { CertflowClient } from '@certflow/client';
import { useQuery } from '@tanstack/react-query';
import { keys } from './queries';
import { useApi } from './use-api';

export interface Person {
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly roles: ReadonlyArray<{ id: string; name: string }>;
  readonly college: { id: string; name: string } | null;
}

export interface Directory {
  /** Whether the server runs the demo school (one-click sign-in). */
  readonly demo: boolean;
  readonly people: readonly Person[];
  readonly colleges: ReadonlyArray<{ id: string; name: string }>;
}

const EMPTY: Directory = { demo: false, people: [], colleges: [] };

/**
 * The people and colleges the console can name. Today only the demo school's are published
 * (`GET /auth/demo/people`, demo mode); a directory API replaces this (apps/console/README.md).
 */
export async function fetchDirectory(api: CertflowClient): Promise<Directory> {
  const answer = await api.raw('/auth/demo/people');
  if (answer.status !== 200 || typeof answer.body !== 'object' || answer.body === null)
    return EMPTY;
  const body = answer.body as { items?: Person[]; colleges?: Directory['colleges'] };
  return { demo: true, people: body.items ?? [], colleges: body.colleges ?? [] };
}

export function useDirectory() {
  const api = useApi();
  return useQuery({
    queryKey: keys.people,
    queryFn: () => fetchDirectory(api),
    staleTime: Infinity,
  });
}

/** Names for ids, falling back to the id itself. */
export function namer(directory: Directory | undefined) {
  const people = new Map((directory?.people ?? []).map((p) => [p.id, p.name]));
  const colleges = new Map((directory?.colleges ?? []).map((c) => [c.id, c.name]));
  return {
    person: (id: string | null | undefined) => (id ? (people.get(id) ?? id) : '—'),
    college: (id: string | null | undefined) => (id ? (colleges.get(id) ?? id) : '全校'),
  };
}
