import { serve } from '@hono/node-server';
import { createCampusApp } from './app.js';

/** `DATABASE_URL=postgres://… pnpm --filter @certflow/example-campus-app start` */
const databaseUrl = process.env['DATABASE_URL'];
if (!databaseUrl) throw new Error('set DATABASE_URL');
const { app } = await createCampusApp({ databaseUrl });
const port = Number(process.env['PORT'] ?? 3100);
serve({ fetch: app.fetch, port }, () => {
  process.stdout.write(`campus app on http://127.0.0.1:${port} (certflow under /certflow)\n`);
});
