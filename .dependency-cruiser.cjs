/**
 * Import-cycle and layering checks (`pnpm cycles`): no module cycles anywhere, and the engine
 * stays pure — it imports no adapter package and no vendor driver (ARCHITECTURE.md).
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: modules that need each other belong together or need a port.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'engine-is-pure',
      severity: 'error',
      comment: 'packages/engine decides; adapters (db, queue, mail…) and vendors stay outside it.',
      from: { path: '^packages/engine/src' },
      to: {
        path: '^packages/(db|queue|mail|calendar|pilot|webhooks|attachments|sheet)/|node_modules/(postgres|drizzle-orm|bullmq|ioredis|nodemailer|hono)/',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { conditionNames: ['certflow-source', 'import', 'default'] },
  },
};
