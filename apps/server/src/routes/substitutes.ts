import {
  periodsOf,
  refuse,
  SUBSTITUTION_REF,
  substitutionValueSchema,
  type Actor,
  type JsonObject,
} from '@certflow/engine';
import { referenceData } from '@certflow/db';
import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { assertMayAct, READ_ONLY_ROLES } from '../access/read-access.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { bilingualIssues, quote, type IssueLike } from '../http/zh-issues.js';
import { etagOf, parseIfMatch } from '../http/if-match.js';
import { opsRefusal } from '../http/ops-errors.js';
import { commandErrorResponses, errorResponses, json } from '../schemas/common.js';
import { substitutesBody, substitutesSchema, versionHeader } from '../schemas/substitutes.js';

/** The engine's own messages of the substitution schema, in Chinese. */
const ZH: Readonly<Record<string, string>> = {
  'periods overlap': '代理时段不能重叠',
  'from must be before to': '结束时间须晚于开始时间',
};

/** `VALIDATION_FAILED` for periods the engine's schema refuses, with Chinese messages. */
function periodsInvalid(issues: readonly IssueLike[]): Error {
  const list = bilingualIssues('json', issues).map((i) => ({
    ...i,
    message: ZH[i.messageEn] ?? i.message,
  }));
  const first = list[0];
  return refuse(
    'VALIDATION_FAILED',
    { issues: list },
    first
      ? {
          zh: `输入不合法（${quote(first.path)}：${first.message}）`,
          en: `Invalid input (${first.path}: ${first.messageEn})`,
        }
      : { zh: '输入不合法', en: 'Invalid input' },
  );
}

const tags = ['me'];
const security = [{ bearer: [] }];
const ok = { description: "the caller's substitutes", content: json(substitutesSchema) };

const get = createRoute({
  operationId: 'getSubstitutes',
  method: 'get',
  path: '/api/me/substitutes',
  tags,
  security,
  summary: '代理人: who stands in for me when, and whom I stand in for now',
  responses: { 200: ok, ...errorResponses },
});

const put = createRoute({
  operationId: 'putSubstitutes',
  method: 'put',
  path: '/api/me/substitutes',
  tags,
  security,
  summary: '代理人: set who stands in for me in which date ranges (audited)',
  request: { headers: versionHeader, body: { content: json(substitutesBody), required: true } },
  responses: { 200: ok, ...commandErrorResponses },
});

const remove = createRoute({
  operationId: 'deleteSubstitutes',
  method: 'delete',
  path: '/api/me/substitutes',
  tags,
  security,
  summary: '代理人: stand nobody in for me any more (audited)',
  request: { headers: versionHeader },
  responses: { 200: ok, ...commandErrorResponses },
});

/**
 * 代理人 of the caller: the reference row `substitution/<person id>` written through the engine
 * (`putReference`, version-checked, with an entry in the administrators' hash-chained audit
 * trail). Tasks that arrive for the caller in a period go to the substitute, who decides them
 * "由 X 代 Y 审批"; separation of duties counts both.
 */
export function substituteRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const stored = async (personId: string) => {
    const [row] = await deps.db
      .select({ value: referenceData.value, version: referenceData.version })
      .from(referenceData)
      .where(and(eq(referenceData.kind, SUBSTITUTION_REF), eq(referenceData.key, personId)));
    return row;
  };

  const present = async (
    actor: Actor,
    value: unknown,
    version: number | null,
  ): Promise<z.infer<typeof substitutesSchema>> => {
    const now = Date.now();
    const periods = await Promise.all(
      periodsOf(value).map(async (p) => ({
        substituteId: p.substituteId,
        substituteName: (await deps.directory.getUser(p.substituteId))?.name ?? null,
        from: p.from,
        to: p.to,
        reason: p.reason ?? null,
        active: Date.parse(p.from) <= now && now < Date.parse(p.to),
      })),
    );
    const principals = await deps.directory.principalsOf(actor.id, new Date(now));
    return {
      personId: actor.id,
      version,
      periods,
      principals: principals.map((p) => ({ id: p.id, name: p.name })),
    };
  };

  const write = async (
    actor: Actor,
    value: { periods: JsonObject[] },
    ifMatch: string | undefined,
    action: string,
  ) => {
    const expected = parseIfMatch(ifMatch);
    const result = await deps.engine.putReference({
      kind: SUBSTITUTION_REF,
      key: actor.id,
      value,
      actor,
      ...(expected === undefined ? {} : { expectedVersion: expected }),
      audit: { action, data: value },
    });
    return result.version;
  };

  app.openapi(get, async (c) => {
    const actor = c.get('actor');
    const row = await stored(actor.id);
    if (row) c.header('ETag', etagOf(row.version));
    return c.json(await present(actor, row?.value, row?.version ?? null), 200);
  });

  app.openapi(put, async (c) => {
    const actor = c.get('actor');
    assertMayAct(actor);
    const body = c.req.valid('json');
    const checked = substitutionValueSchema.safeParse(body);
    if (!checked.success) throw periodsInvalid(checked.error.issues);
    for (const p of checked.data.periods) {
      const who = await deps.directory.getUser(p.substituteId);
      if (
        !who ||
        who.id === actor.id ||
        who.roles.length === 0 ||
        who.roles.every((r) => READ_ONLY_ROLES.includes(r))
      ) {
        throw opsRefusal('SUBSTITUTE_NOT_ALLOWED', { substituteId: p.substituteId });
      }
    }
    const value = { periods: checked.data.periods as unknown as JsonObject[] };
    const version = await write(
      actor,
      value,
      c.req.valid('header')['if-match'],
      'substitution.put',
    );
    deps.logger.info({ actor: actor.id, periods: value.periods.length }, 'substitutes set');
    c.header('ETag', etagOf(version));
    return c.json(await present(actor, value, version), 200);
  });

  app.openapi(remove, async (c) => {
    const actor = c.get('actor');
    assertMayAct(actor);
    const row = await stored(actor.id);
    if (!row || periodsOf(row.value).length === 0) {
      if (c.req.valid('header')['if-match'] !== undefined && row?.version !== undefined) {
        const expected = parseIfMatch(c.req.valid('header')['if-match']);
        if (expected !== row.version) throw refuse('VERSION_CONFLICT', { version: row.version });
      }
      return c.json(await present(actor, undefined, row?.version ?? null), 200);
    }
    const version = await write(
      actor,
      { periods: [] },
      c.req.valid('header')['if-match'],
      'substitution.delete',
    );
    c.header('ETag', etagOf(version));
    return c.json(await present(actor, undefined, version), 200);
  });
}
