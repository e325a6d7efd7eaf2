import type { Instance, JsonObject, JsonValue } from '@certflow/client';

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The application's fields: `context.application` where the flow keeps its input there. */
export function applicationOf(instance: Instance): JsonObject | undefined {
  const app = instance.context['application'];
  return isObject(app) ? app : undefined;
}
