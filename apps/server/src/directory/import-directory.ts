import type { Directory } from '@certflow/db';
import { refuse, type Actor, type Engine, type Person, type Store } from '@certflow/engine';
import type { DirectoryImportInput, DirectoryReport, LeaverReport } from '../schemas/directory.js';
import { isDeactivated } from './deactivation.js';
import { checkImport, planImport, type DirectoryState, type ImportProblem } from './plan-import.js';
import { COLLEGE_REF, ORGANIZATION_REF } from './reference-kinds.js';

export interface DirectoryDeps {
  readonly store: Store;
  readonly directory: Directory;
  /** The leavers' inboxes (their open tasks to reassign); the audited reference writes. */
  readonly engine: Pick<Engine, 'inbox' | 'putReference' | 'audit'>;
}

/** The import is refused as a whole: every problem listed, nothing written. */
export function importRefused(problems: readonly ImportProblem[]): Error {
  const first = problems[0];
  return refuse(
    'VALIDATION_FAILED',
    { issues: problems.slice(0, 50).map((p) => ({ path: p.at, message: p.zh, messageEn: p.en })) },
    first
      ? {
          zh: `人员目录导入未执行（「${first.at}」：${first.zh}）`,
          en: `Directory import refused (${first.at}: ${first.en})`,
        }
      : { zh: '人员目录导入未执行', en: 'Directory import refused' },
  );
}

async function namesOf(
  store: Store,
  kind: string,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) {
    const row = await store.read.reference(kind, id);
    if (row && typeof row['name'] === 'string') out.set(id, row['name']);
  }
  return out;
}

async function stateFor(deps: DirectoryDeps, doc: DirectoryImportInput): Promise<DirectoryState> {
  const users = new Map((await deps.directory.listUsers()).map((u) => [u.id, u]));
  const colleges = [
    ...doc.colleges.map((c) => c.id),
    ...doc.users.flatMap((u) => (u.college ? [u.college] : [])),
  ];
  const orgs = [
    ...doc.organizations.map((o) => o.id),
    ...doc.users.flatMap((u) => (u.organization ? [u.organization] : [])),
  ];
  return {
    users,
    colleges: await namesOf(deps.store, COLLEGE_REF, colleges),
    organizations: await namesOf(deps.store, ORGANIZATION_REF, orgs),
  };
}

/** A leaver's open tasks (their inbox under the roles they had), with who else could take each. */
async function leaverReport(
  deps: DirectoryDeps,
  person: Person,
  people: readonly Person[],
): Promise<LeaverReport> {
  const actor = {
    id: person.id,
    roles: person.roles,
    ...(person.college ? { college: person.college } : {}),
    ...(person.organization ? { organization: person.organization } : {}),
  };
  const { items } = await deps.engine.inbox(actor, { limit: 200 });
  const openTasks = [];
  for (const t of items) {
    const instance = await deps.store.read.getInstance(t.instanceId);
    const assigned = t.assignee === person.id;
    const otherHolders = assigned
      ? []
      : people
          .filter((p) => p.id !== person.id && !isDeactivated(p) && p.roles.includes(t.role))
          .filter((p) => t.college === null || p.college === t.college)
          .filter((p) => t.organization === null || p.organization === t.organization)
          .map((p) => p.id);
    openTasks.push({
      instanceId: t.instanceId,
      taskId: t.id,
      flow: t.flowId,
      title: instance?.title ?? '',
      step: t.step,
      role: t.role,
      college: t.college,
      assigned,
      dueAt: t.dueAt?.toISOString() ?? null,
      otherHolders,
    });
  }
  return { id: person.id, name: person.name, formerRoles: [...person.roles], openTasks };
}

/**
 * Imports the campus directory export (`users import`, `POST /api/directory/import`): checks the
 * whole document first (refused as a whole, nothing written), then upserts colleges and
 * evaluation organizations (reference data) and people, deactivates leavers, and reports each
 * leaver's open tasks for reassignment. Idempotent: importing the same file again changes nothing.
 */
export async function importDirectory(
  deps: DirectoryDeps,
  doc: DirectoryImportInput,
  actor: Actor,
): Promise<DirectoryReport> {
  const state = await stateFor(deps, doc);
  const problems = checkImport(state, doc);
  if (problems.length > 0) throw importRefused(problems);
  const plan = planImport(state, doc);
  const writes = new Map(plan.writes.map((w) => [w.id, w]));
  const after = [...state.users.values()].filter((u) => !writes.has(u.id)).concat(plan.writes);
  const deactivated: LeaverReport[] = [];
  for (const leaver of plan.leavers) deactivated.push(await leaverReport(deps, leaver, after));
  if (!doc.dryRun) {
    // Each college and organization row is an audited reference write (the administrators'
    // hash-chained trail), the people an audited import entry.
    for (const c of plan.colleges.write) {
      const value = { id: c.id, name: c.name };
      await deps.engine.putReference({
        kind: COLLEGE_REF,
        key: c.id,
        value,
        actor,
        audit: { action: 'college.put', data: value },
      });
    }
    for (const o of plan.organizations.write) {
      const value = { id: o.id, name: o.name };
      await deps.engine.putReference({
        kind: ORGANIZATION_REF,
        key: o.id,
        value,
        actor,
        audit: { action: 'organization.put', data: value },
      });
    }
    for (const person of plan.writes) await deps.directory.upsertUser(person);
    if (plan.writes.length > 0 || plan.leavers.length > 0) {
      await deps.engine.audit({
        action: 'users.import',
        subject: 'directory',
        data: {
          created: [...plan.created],
          updated: [...plan.updated],
          reactivated: [...plan.reactivated],
          deactivated: plan.leavers.map((l) => l.id),
        },
        actor,
      });
    }
  }
  return {
    dryRun: doc.dryRun,
    colleges: {
      created: [...plan.colleges.created],
      updated: [...plan.colleges.updated],
      unchanged: plan.colleges.unchanged,
    },
    organizations: {
      created: [...plan.organizations.created],
      updated: [...plan.organizations.updated],
      unchanged: plan.organizations.unchanged,
    },
    users: {
      created: [...plan.created],
      updated: [...plan.updated],
      reactivated: [...plan.reactivated],
      unchanged: plan.unchanged,
    },
    deactivated,
  };
}
