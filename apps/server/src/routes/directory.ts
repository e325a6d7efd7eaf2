import { refuse } from '@certflow/engine';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { assertMayAct, readsEverything } from '../access/read-access.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { isDeactivated } from '../directory/deactivation.js';
import { importDirectory } from '../directory/import-directory.js';
import { commandErrorResponses, errorResponses, json } from '../schemas/common.js';
import {
  directoryImportSchema,
  directoryPersonSchema,
  directoryReportSchema,
} from '../schemas/directory.js';

const tags = ['directory'];
const security = [{ bearer: [] }];

/** Who maintains the people directory: 教务处 (academic affairs). */
export const DIRECTORY_ADMIN_ROLE = 'academic_affairs';

const importRoute = createRoute({
  method: 'post',
  path: '/api/directory/import',
  operationId: 'importDirectory',
  tags,
  security,
  summary:
    'Import the campus directory export: people, roles, colleges, evaluation organizations; deactivate leavers',
  description:
    'academic_affairs only. The whole document is checked first and refused as a whole (400) if any entry is wrong; ' +
    'nothing is ever deleted: leavers are deactivated and their open tasks reported for reassignment.',
  request: { body: { content: json(directoryImportSchema), required: true } },
  responses: {
    200: {
      description: 'what changed (or would, with dryRun)',
      content: json(directoryReportSchema),
    },
    ...commandErrorResponses,
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/directory/users',
  operationId: 'listDirectoryUsers',
  tags,
  security,
  summary: 'Everyone in the directory, with their status (school readers only)',
  responses: {
    200: {
      description: 'by id',
      content: json(z.object({ items: z.array(directoryPersonSchema) })),
    },
    ...errorResponses,
  },
});

export function directoryRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(importRoute, async (c) => {
    const actor = c.get('actor');
    assertMayAct(actor);
    if (!actor.roles.includes(DIRECTORY_ADMIN_ROLE))
      throw refuse('NOT_AUTHORIZED', { requires: DIRECTORY_ADMIN_ROLE });
    const report = await importDirectory(deps, c.req.valid('json'), actor);
    deps.logger.info(
      {
        actor: actor.id,
        dryRun: report.dryRun,
        created: report.users.created.length,
        updated: report.users.updated.length,
        deactivated: report.deactivated.map((d) => d.id),
      },
      'directory imported',
    );
    return c.json(report, 200);
  });

  app.openapi(listRoute, async (c) => {
    if (!readsEverything(c.get('actor')))
      throw refuse('NOT_AUTHORIZED', { requires: 'school-reader' });
    const users = await deps.directory.listUsers();
    const items = users.map((u) => {
      const off = isDeactivated(u);
      return {
        id: u.id,
        name: u.name,
        email: u.email,
        roles: off ? [] : [...u.roles],
        college: u.college,
        status: off ? ('deactivated' as const) : ('active' as const),
      };
    });
    return c.json({ items }, 200);
  });
}
