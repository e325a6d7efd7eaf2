import { INSTANCE_STATUSES, type InstanceStatus } from '@certflow/engine';
import { z } from '@hono/zod-openapi';

const flowTask = z.object({
  step: z.string(),
  role: z.string(),
  scope: z.enum(['school', 'college', 'organization', 'submitter']),
  events: z.array(z.string()),
  approval: z.boolean(),
  batch: z.boolean().openapi({
    description: "this step's tasks may be approved together (批量审批, POST /api/tasks/batch)",
  }),
});

const flowState = z.object({
  id: z.string(),
  final: z.boolean(),
  status: z.enum(INSTANCE_STATUSES as [InstanceStatus, ...InstanceStatus[]]).nullable(),
  events: z.array(z.string()).openapi({ description: 'every event the state may accept' }),
  tasks: z.array(flowTask),
  submitterEvents: z.array(z.string()),
});

export const flowSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    latest: z.boolean(),
    title: z.object({ zh: z.string(), en: z.string() }),
    startedBy: z.object({ roles: z.array(z.string()), scope: z.enum(['school', 'college']) }),
    states: z.array(flowState),
    diagram: z.string().openapi({ description: 'mermaid stateDiagram-v2' }),
    inputSchema: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'JSON Schema of the start input' }),
  })
  .openapi('Flow');
