import type { DirectoryPerson, HistoryEntry, InstanceSteps } from '@certflow/client';
import { useDirectoryPeople } from '../../api/instance-queries';
import { useDirectory, type Directory } from '../../api/people';
import { useSignedIn } from '../../session/session-context';

/**
 * Names for the people of an instance: the published people, the campus directory (where the
 * person may read it), and the names the history and the steps carry (who acted, who holds a
 * task) — so someone known to none of the lists is still named once they appear there.
 */
export function personNamer(
  published: Directory | undefined,
  directory: readonly DirectoryPerson[],
  history: readonly HistoryEntry[],
  steps: InstanceSteps | undefined,
): (id: string) => string {
  const names = new Map<string, string>();
  const put = (id: string | null, name: string | null) => {
    if (id && name && !names.has(id)) names.set(id, name);
  };
  for (const p of published?.people ?? []) put(p.id, p.name);
  for (const p of directory) put(p.id, p.name);
  for (const h of history) put(h.actorId, h.actorName);
  for (const s of steps?.items ?? []) {
    for (const d of s.decided) put(d.actorId, d.actorName);
    for (const p of s.pending) put(p.assignee, p.assigneeName);
    for (const slot of s.slots) put(slot.personId, slot.name);
  }
  return (id) => names.get(id) ?? id;
}

export function usePersonNamer(
  history: readonly HistoryEntry[],
  steps: InstanceSteps | undefined,
): (id: string) => string {
  const { user } = useSignedIn();
  const published = useDirectory().data;
  const directory = useDirectoryPeople(user.roles).data?.items ?? [];
  return personNamer(published, directory, history, steps);
}
