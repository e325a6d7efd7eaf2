import type { Engine, InstanceView, JsonValue } from '@certflow/engine';
import type { SheetData, SheetField, SheetPerson, SheetStep } from '@certflow/sheet';
import type { InstanceVerdict } from './instance-verdict.js';

/** Chinese names of the application fields the pilot flows use (path segments). */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  year: '年度',
  collegeId: '学院',
  certificate: '证书',
  name: '名称',
  level: '等级',
  code: '代码',
  evaluationOrg: '培训评价组织',
  organization: '培训评价组织',
  scale: '试点规模（人数）',
  budget: '预算（分）',
  consumables: '耗材费',
  certificateFees: '证书费',
  examinerFees: '考评费',
  total: '合计',
  justification: '申请理由',
  reason: '理由',
  projectId: '试点项目',
  title: '标题',
  description: '说明',
  amount: '金额（分）',
  students: '学生',
  teachers: '教师',
  start: '开始',
  end: '结束',
  date: '日期',
};

/** Values of enumerations shown in Chinese (certificate levels, 第七条). */
const VALUE_LABELS: Readonly<Record<string, string>> = {
  elementary: '初级',
  intermediate: '中级',
  advanced: '高级',
};

/** The parts of a machine context that hold what the applicant submitted. */
const APPLICATION_KEYS = ['application', 'request', 'registration', 'input'];
/** Context keys that are bookkeeping, not the application. */
const HIDDEN_KEYS = new Set(['instanceId', 'submitterId', 'revisions']);

const labelOf = (path: readonly string[]): string =>
  path.map((p) => (/^\d+$/u.test(p) ? `第${Number(p) + 1}项` : (FIELD_LABELS[p] ?? p))).join(' · ');

function textOf(value: string | number | boolean | null, key: string | undefined): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' && key === 'level') return VALUE_LABELS[value] ?? value;
  return String(value);
}

function flatten(value: JsonValue, path: string[], out: SheetField[]): void {
  if (out.length >= 200) return;
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    if (entries.length === 0 && path.length > 0) out.push({ label: labelOf(path), value: '—' });
    for (const [key, v] of entries) flatten(v, [...path, key], out);
    return;
  }
  out.push({
    label: labelOf(path),
    value: textOf(value, path.at(-1)),
  });
}

/**
 * The application's fields, from the instance's context: the submitted application (the
 * `application`, `request`, `registration` or `input` part when the flow keeps one), else the
 * context without its bookkeeping; nested values flattened to `证书 · 名称` rows.
 */
export function applicationFields(context: Readonly<Record<string, JsonValue>>): SheetField[] {
  const key = APPLICATION_KEYS.find((k) => {
    const v = context[k];
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });
  const source = key
    ? (context[key] as Record<string, JsonValue>)
    : Object.fromEntries(Object.entries(context).filter(([k]) => !HIDDEN_KEYS.has(k)));
  const out: SheetField[] = [];
  flatten(source, [], out);
  return out;
}

function personOf(value: JsonValue | undefined): SheetPerson | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const id = value['id'];
  const name = value['name'];
  return typeof id === 'string' ? { id, name: typeof name === 'string' ? name : null } : undefined;
}

/** Everything the approval sheet shows, read from the engine and the verification. */
export async function sheetSource(args: {
  engine: Engine;
  view: InstanceView;
  verdict: InstanceVerdict;
  now: Date;
  school?: string;
}): Promise<SheetData> {
  const { engine, view, verdict } = args;
  const flow = engine.flows.get(view.flow, view.flowVersion);
  const college = view.college ? await engine.reference('college', view.college) : undefined;
  const collegeName = typeof college?.['name'] === 'string' ? college['name'] : view.college;
  const first = verdict.history[0];
  const steps: SheetStep[] = verdict.history.map((h) => {
    const onBehalfOf = personOf(h.data['onBehalfOf']);
    return {
      seq: h.seq,
      at: h.at.toISOString(),
      actor: { id: h.actorId, name: h.actorName },
      ...(onBehalfOf ? { onBehalfOf } : {}),
      event: h.event,
      fromState: h.fromState,
      toState: h.toState,
      comment: h.comment,
      hash: h.hash,
    };
  });
  return {
    ...(args.school ? { school: args.school } : {}),
    flowTitle: flow.title.zh,
    flowId: view.flow,
    flowVersion: view.flowVersion,
    instanceId: view.id,
    title: view.title,
    status: view.status,
    state: view.state,
    applicant: {
      id: view.submitterId,
      name: first?.actorId === view.submitterId ? first.actorName : null,
    },
    college: collegeName,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
    fields: applicationFields(view.context),
    steps,
    attachments: verdict.attachments.map((f) => ({
      id: f.ref.id,
      name: f.ref.name,
      mediaType: f.ref.mediaType,
      size: f.ref.size,
      sha256: f.ref.sha256,
      seq: f.seq,
      check: f.check,
    })),
    verification: {
      ok: verdict.ok,
      count: verdict.count,
      ...(verdict.brokenAt === undefined ? {} : { brokenAt: verdict.brokenAt }),
      ...(verdict.reason === undefined ? {} : { reason: verdict.reason }),
    },
    generatedAt: args.now.toISOString(),
  };
}
