import type { Directory, Engine, JsonObject, JsonValue, TaskSpec } from '@certflow/engine';
import { DEFAULT_FIELD_LABELS, type FieldLabels } from './field-labels.js';
import { roleLabel } from './labels.js';
import type {
  MailContext,
  MailContextRef,
  MailContextSource,
  MailField,
  MailTask,
} from './ports.js';

export interface EngineMailContextOptions {
  readonly engine: Engine;
  /** College id → name (`ee` → `电子工程学院`). */
  readonly colleges?: Readonly<Record<string, string>>;
  /** For the applicant's name. */
  readonly directory?: Directory;
  /** Per flow id: the field table from the instance's context; default: `defaultFields`. */
  readonly fields?: Readonly<Record<string, (context: JsonObject) => MailField[]>>;
  readonly fieldLabels?: FieldLabels;
}

/** `TaskSpec.replyAllowed` of the task's step; absent means no (strict by default). */
export function replyAllowedFor(
  engine: Engine,
  flow: { id: string; version: number },
  task: { state: string; step: string },
): boolean {
  const spec: TaskSpec | undefined = engine.flows
    .get(flow.id, flow.version)
    .states[task.state]?.tasks?.find((t) => t.step === task.step);
  return spec?.replyAllowed === true;
}

function display(key: string, value: JsonValue, labels: FieldLabels): string | undefined {
  if (value === null) return undefined;
  if (typeof value === 'string') return labels.values[key]?.[value]?.zh ?? value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => display(key, v, labels) ?? '').join('、');
  // Money objects (all integer fen, e.g. a budget by category): their total in yuan.
  const amounts = Object.values(value);
  if (key in labels.money && amounts.every((v) => typeof v === 'number')) {
    const total = amounts.reduce((a, b) => a + b, 0) / 100;
    return `${total.toLocaleString('en-US', { minimumFractionDigits: 2 })} 元`;
  }
  return undefined;
}

/**
 * The field table for any flow: the labelled keys of the instance's application (`application`,
 * `input` or `request` in the machine context), nested one level (`certificate.name`).
 */
export function defaultFields(
  context: JsonObject,
  labels: FieldLabels = DEFAULT_FIELD_LABELS,
): MailField[] {
  const source = [context['application'], context['input'], context['request']].find(
    (v): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v),
  );
  if (!source) return [];
  const out: MailField[] = [];
  const visit = (obj: JsonObject, prefix: string): void => {
    for (const [k, v] of Object.entries(obj)) {
      const key = prefix + k;
      const label = labels.keys[key];
      const shown = label ? display(key, v, labels) : undefined;
      if (label && shown !== undefined) out.push({ label, value: shown });
      else if (!prefix && v && typeof v === 'object' && !Array.isArray(v)) visit(v, `${key}.`);
    }
  };
  visit(source, '');
  return out;
}

/** The default `MailContextSource`: reads the instance through the engine. */
export function engineMailContext(options: EngineMailContextOptions): MailContextSource {
  const labels = options.fieldLabels ?? DEFAULT_FIELD_LABELS;
  return {
    async load(payload: MailContextRef): Promise<MailContext> {
      const view = await options.engine.get(payload.instanceId);
      const flow = options.engine.flows.get(view.flow, view.flowVersion);
      const college = view.college ? (options.colleges?.[view.college] ?? view.college) : null;
      const headline =
        view.college && college && view.title.startsWith(`${view.college} `)
          ? `${college} ${view.title.slice(view.college.length + 1)}`
          : view.title;
      const submitter = options.directory
        ? ((await options.directory.getUser(view.submitterId))?.name ?? null)
        : null;
      const open = view.tasks.find((t) => t.id === payload.taskId);
      const task: MailTask | null = open
        ? {
            id: open.id,
            step: open.step,
            role: open.role,
            kind: open.kind,
            approval: open.approval,
            events: open.events,
            dueAt: open.dueAt,
            open: true,
            replyAllowed: replyAllowedFor(options.engine, flow, open),
          }
        : payload.taskId && payload.step && payload.audience
          ? {
              id: payload.taskId,
              step: payload.step,
              role: payload.audience.role,
              kind: 'step',
              approval: false,
              events: [],
              dueAt: payload.dueAt,
              open: false,
              replyAllowed: false,
            }
          : null;
      const extract = options.fields?.[view.flow];
      const fields: MailField[] = [
        ...(college ? [{ label: { zh: '二级学院', en: 'College' }, value: college }] : []),
        ...(submitter ? [{ label: { zh: '申请人', en: 'Applicant' }, value: submitter }] : []),
        ...(extract ? extract(view.context) : defaultFields(view.context, labels)),
        ...(task?.open
          ? [{ label: { zh: '办理人', en: 'Acting' }, value: roleLabel(task.role).zh }]
          : []),
      ];
      return { flowTitle: flow.title, headline, fields, task, submitterName: submitter };
    },
  };
}
