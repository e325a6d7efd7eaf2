import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from './app-env.js';
import { hostActor } from './auth/host-actor.js';
import { requireAuth } from './auth/require-auth.js';
import { httpError } from './http/api-error.js';
import { corsPolicy } from './http/cors.js';
import { notFound, onError, validationFailed } from './http/error-handler.js';
import { batchRoutes } from './routes/batch.js';
import { consoleRoutes } from './routes/console.js';
import { draftRoutes } from './routes/drafts.js';
import { operationRoutes } from './routes/operations.js';
import { previewRoutes } from './routes/preview.js';
import { stepRoutes } from './routes/steps.js';
import { phraseRoutes } from './routes/phrases.js';
import { substituteRoutes } from './routes/substitutes.js';
import { secureApi, securePages } from './http/security-headers.js';
import { directoryRoutes } from './routes/directory.js';
import { eventRoutes } from './routes/events.js';
import { webhookRoutes } from './routes/webhooks.js';
import { flowRoutes } from './routes/flows.js';
import { healthRoutes } from './routes/health.js';
import { instanceRoutes } from './routes/instances.js';
import { listRoutes } from './routes/lists.js';
import { meRoutes } from './routes/me.js';
import { quotaRoutes } from './routes/quotas.js';
import { statisticsRoutes } from './routes/statistics.js';
import { taskRoutes } from './routes/tasks.js';
import { attachmentRoutes, isUpload, uploadBodyLimit } from './routes/attachments.js';
import { sheetRoutes } from './routes/sheet.js';

export const DEFAULT_BODY_LIMIT = 256 * 1024;
export const OPENAPI_PATH = '/api/openapi.json';

/** Requests with a body must say it is JSON (415 otherwise); the JSON validator would ignore it. */
const jsonOnly: MiddlewareHandler = async (c, next) => {
  // An upload is multipart/form-data; its route checks the type itself.
  if (isUpload(c)) return next();
  if (c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'PATCH') {
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!/^application\/([\w.-]+\+)?json$/.test(type))
      throw httpError(415, 'UNSUPPORTED_MEDIA_TYPE');
  }
  await next();
};

/** The certflow HTTP API (docs/http-api.md) as a Hono app; `serve` it or call `app.fetch`. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationFailed(result.target, result.error.issues);
    },
  });
  app.onError(onError(deps.logger));
  app.notFound(notFound);

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    deps.logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use('/api/*', corsPolicy(deps.corsOrigins ?? []));
  app.use('/api/*', secureApi());
  app.use('/mail/*', securePages());
  const jsonLimit = bodyLimit({
    maxSize: deps.bodyLimit ?? DEFAULT_BODY_LIMIT,
    onError: () => {
      throw httpError(413, 'PAYLOAD_TOO_LARGE', { limit: deps.bodyLimit ?? DEFAULT_BODY_LIMIT });
    },
  });
  // An upload (POST /api/attachments) has its own, larger limit (ATTACHMENT_TOO_LARGE).
  const uploadLimit = uploadBodyLimit(deps);
  const limits: MiddlewareHandler = (c, next) =>
    isUpload(c) ? uploadLimit(c, next) : jsonLimit(c, next);
  app.use('/api/*', limits);
  app.use('/api/*', jsonOnly);
  const tokenAuth = requireAuth(deps.tokens, deps.directory, { except: [OPENAPI_PATH] });
  app.use(
    '/api/*',
    deps.resolveActor
      ? hostActor(deps.resolveActor, tokenAuth, { except: [OPENAPI_PATH] })
      : tokenAuth,
  );

  healthRoutes(app, deps);
  flowRoutes(app, deps);
  instanceRoutes(app, deps);
  taskRoutes(app, deps);
  operationRoutes(app, deps);
  stepRoutes(app, deps);
  previewRoutes(app, deps);
  batchRoutes(app, deps);
  draftRoutes(app, deps);
  substituteRoutes(app, deps);
  phraseRoutes(app, deps);
  listRoutes(app, deps);
  meRoutes(app, deps);
  quotaRoutes(app, deps);
  statisticsRoutes(app, deps);
  directoryRoutes(app, deps);
  attachmentRoutes(app, deps);
  sheetRoutes(app, deps);
  eventRoutes(app, deps);
  webhookRoutes(app, deps);
  consoleRoutes(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'HS256 JWT signed with CERTFLOW_JWT_SECRET; claims sub, name, email, roles, college',
  });
  app.doc31(OPENAPI_PATH, OPENAPI_INFO);
  return app;
}

/** The document's head: `GET /api/openapi.json` and `openApiDocument()` share it. */
export const OPENAPI_INFO: Parameters<OpenAPIHono['getOpenAPI31Document']>[0] = {
  openapi: '3.1.0',
  info: {
    title: 'certflow HTTP API',
    version: '1.0.0',
    description: '1+X 证书制度试点审批流程引擎 — see docs/http-api.md',
    // OpenAPI 3.1 names a licence by SPDX identifier (the typings know only 3.0's url); the
    // school's own terms until the project picks a licence.
    license: { name: 'Proprietary', identifier: 'LicenseRef-certflow' } as { name: string },
  },
  servers: [{ url: 'http://127.0.0.1:3000', description: 'pnpm start (the all-in-one server)' }],
};
