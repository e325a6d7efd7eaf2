import type { ReferenceReader, ReferenceWrite } from '../flows/flow.js';
import { referenceId, type Loaded, type ReferencePut } from '../ports/store.js';
import type { ReferenceKey } from '../records.js';

/**
 * The loaded reference rows a flow declared, read synchronously. Asking for a row the flow did
 * not declare is a programming error.
 */
export function referenceReader(
  loaded: Loaded,
  declared: readonly ReferenceKey[],
): ReferenceReader {
  const known = new Set(declared.map((k) => referenceId(k.kind, k.key)));
  return {
    get(kind, key) {
      const id = referenceId(kind, key);
      if (!known.has(id)) {
        throw new TypeError(`reference ${kind}/${key} was not declared by the flow's references`);
      }
      const row = loaded.references.get(id);
      return row ? structuredClone(row.value) : undefined;
    },
  };
}

/**
 * The reference writes of a decision, each checked against the version it was loaded at (a row
 * that was not loaded must still not exist). A row written twice keeps the last value.
 */
export function referencePuts(loaded: Loaded, writes: readonly ReferenceWrite[]): ReferencePut[] {
  const byId = new Map<string, ReferencePut>();
  for (const w of writes) {
    const id = referenceId(w.kind, w.key);
    byId.set(id, {
      kind: w.kind,
      key: w.key,
      value: w.value,
      expectedVersion: loaded.references.get(id)?.version ?? null,
    });
  }
  return [...byId.values()];
}
