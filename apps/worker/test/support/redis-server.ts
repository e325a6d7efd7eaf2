import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort, sleep } from './processes.js';

/**
 * A `redis-server` of the test's own on a free port — never the shared one on 6379 — without
 * persistence, so a restart comes back empty, as a Redis without AOF that crashed.
 */
export class TestRedis {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<TestRedis> {
    const redis = new TestRedis(await freePort());
    await redis.up();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Start (again) on the same port; resolves once it answers PING. */
  async up(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    this.child = child;
    const probe = new Redis(this.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => undefined);
    try {
      for (let i = 0; i < 200; i += 1) {
        if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`);
        const ok = await probe.connect().then(
          () => probe.ping(),
          () => undefined,
        );
        if (ok === 'PONG') return;
        probe.disconnect();
        await sleep(25);
      }
      throw new Error(`redis-server on ${this.port} did not answer`);
    } finally {
      probe.disconnect();
    }
  }

  /** kill -9: Redis is gone at once, with everything it held. */
  async down(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    await this.down();
  }
}
