import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '@certflow/engine';
import { reviewCast, reviewEngine } from './review-engine.js';
import { openPostgres, type PostgresHandle } from './postgres.js';
import { createTestPostgres, type TestPostgres } from './testing.js';

// Round trips, not timings: a TCP relay between postgres.js and the server counts the client's
// bursts (bytes sent after the server last spoke). Pipelined statements share one burst.

class RoundTripCounter {
  bursts = 0;
  private serverSpoke = true;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();

  constructor(target: { host: string; port: number }) {
    this.server = createServer((client) => {
      const upstream = connect(target.port, target.host);
      this.sockets.add(client).add(upstream);
      client.on('data', (chunk) => {
        if (this.serverSpoke) this.bursts += 1;
        this.serverSpoke = false;
        upstream.write(chunk);
      });
      upstream.on('data', (chunk) => {
        this.serverSpoke = true;
        client.write(chunk);
      });
      const end = (): void => {
        client.destroy();
        upstream.destroy();
      };
      client.on('close', end).on('error', end);
      upstream.on('close', end).on('error', end);
    });
  }

  listen(): Promise<number> {
    return new Promise((resolve) =>
      this.server.listen(0, '127.0.0.1', () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      }),
    );
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('round trips per command (postgres.js through a counting TCP relay)', () => {
  let pg: TestPostgres;
  let relay: RoundTripCounter;
  let handle: PostgresHandle;
  let engine: Engine;

  beforeAll(async () => {
    pg = await createTestPostgres();
    const url = new URL(pg.url);
    relay = new RoundTripCounter({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = '127.0.0.1';
    url.port = String(await relay.listen());
    handle = await openPostgres({ url: url.href, max: 1, migrate: false });
    engine = await reviewEngine(handle.store, handle.directory);
  });
  afterAll(async () => {
    await handle.close();
    await relay.close();
    await pg.drop();
  });

  it('sends in four round trips: BEGIN pipelined with the lock, directory, write, COMMIT', async () => {
    // Twice first, so every statement is prepared on the connection (no describe round trips).
    for (let i = 0; i < 2; i += 1) {
      const { id } = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
      await engine.send(id, { type: 'APPROVE' }, reviewCast.lead);
    }
    const { id } = await engine.start('review', { college: 'ee', title: 't' }, reviewCast.owner);
    relay.bursts = 0;
    await engine.send(id, { type: 'APPROVE' }, reviewCast.lead);
    expect(relay.bursts).toBe(4);
  });
});
