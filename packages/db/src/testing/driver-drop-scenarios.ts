/**
 * One postgres.js connection-drop scenario per process (driver-drop.int.test.ts runs each with
 * tsx): the driver's backend is terminated (or its socket destroyed) while it is reserved or
 * in a transaction, and the script reports, as one JSON line, how each later query settled:
 * `ok`, `rejected <code>`, or `HANG` (not settled within the step's limit). An uncaught driver
 * exception ends the process with exit code 1 before the line is written — the upstream defect
 * (porsager/postgres#1154, #1208) this repository patches (patches/postgres@3.4.9.patch).
 *
 * Usage: `tsx driver-drop-scenarios.ts <scenario> <postgres url>`. Only this process's own
 * backends are terminated; no table is read or written.
 */
import { connect, createServer, type Socket } from 'node:net';
import postgres, { type Options, type Sql, type TransactionSql } from 'postgres';

type Outcome = string;
type Scenario = (url: string) => Promise<Record<string, Outcome>>;

const STEP_MS = 3000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How a query settled within `limit` ms, and how long it took. */
async function settle(query: Promise<unknown>, limit = STEP_MS): Promise<Outcome> {
  const started = performance.now();
  const outcome = await Promise.race([
    query.then(
      () => 'ok',
      (error: unknown) => `rejected ${String((error as { code?: unknown }).code ?? error)}`,
    ),
    sleep(limit).then(() => 'HANG'),
  ]);
  return outcome === 'HANG' ? outcome : `${outcome} ${Math.round(performance.now() - started)}ms`;
}

const quiet = { onnotice: () => {} } as const;

/**
 * A forwarder to PostgreSQL whose `reset()` aborts every connection with a TCP RST, as a crashed
 * host or a failover does: the driver sees `ECONNRESET` ('error', then 'close'), where a
 * terminated backend sends FATAL and closes.
 */
async function resettingForwarder(
  url: string,
): Promise<{ url: string; reset: () => void; close: () => void }> {
  const target = new URL(url);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined).on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const via = new URL(url);
  via.hostname = '127.0.0.1';
  via.port = String(typeof address === 'object' && address ? address.port : 0);
  return {
    url: via.href,
    reset: () => {
      for (const s of sockets) s.resetAndDestroy();
    },
    close: () => {
      server.close();
      for (const s of sockets) s.destroy();
    },
  };
}

async function terminate(url: string, pid: number): Promise<void> {
  const killer = postgres(url, { ...quiet, max: 1 });
  try {
    await killer`select pg_terminate_backend(${pid})`;
  } finally {
    await killer.end();
  }
}

async function backendPid(sql: Sql | TransactionSql): Promise<number> {
  const [row] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
  if (!row) throw new Error('no backend pid');
  return row.pid;
}

/** Three queries on the pool, each expected to answer at once. */
async function poolAnswers(sql: Sql): Promise<Record<string, Outcome>> {
  return {
    pool1: await settle(sql`select 1`, 2000),
    pool2: await settle(sql`select 1`, 2000),
    pool3: await settle(sql`select 1`, 2000),
  };
}

const scenarios: Record<string, Scenario> = {
  /** #1208: a reserved connection's backend dies; the next queries on it, then the pool. */
  async 'reserved-after-drop'(url) {
    const sql = postgres(url, { ...quiet, max: 2 });
    const reserved = await sql.reserve();
    await terminate(url, await backendPid(reserved));
    await sleep(100);
    const first = await settle(reserved`select 1`);
    const second = await settle(reserved`select 1`);
    reserved.release();
    const pool = await poolAnswers(sql);
    await sql.end({ timeout: 1 });
    return { first, second, ...pool };
  },

  /** The store's transaction: a statement in flight dies, then its ROLLBACK, then the pool. */
  async 'inflight-rollback'(url) {
    const sql = postgres(url, { ...quiet, max: 2 });
    const reserved = await sql.reserve();
    const pid = await backendPid(reserved);
    const inflight = settle(reserved`select pg_sleep(5)`);
    await sleep(100);
    await terminate(url, pid);
    const statement = await inflight;
    const rollback = await settle(reserved.unsafe('rollback'));
    reserved.release();
    const pool = await poolAnswers(sql);
    await sql.end({ timeout: 1 });
    return { statement, rollback, ...pool };
  },

  /** `sql.begin()` issues its own ROLLBACK after the failed statement (#1208, second path). */
  async 'begin-inflight'(url) {
    const sql = postgres(url, { ...quiet, max: 2 });
    let pid: number | undefined;
    const tx = settle(
      sql.begin(async (t) => {
        pid = await backendPid(t);
        await t`select pg_sleep(5)`;
      }),
    );
    while (pid === undefined) await sleep(10);
    await sleep(100);
    await terminate(url, pid);
    const transaction = await tx;
    const pool = await poolAnswers(sql);
    await sql.end({ timeout: 1 });
    return { transaction, ...pool };
  },

  /**
   * One connection: after its backend died the pool reconnects it for another caller; a query
   * of the old reservation must not run on the new backend (nor hang).
   */
  async 'stale-reservation'(url) {
    const sql = postgres(url, { ...quiet, max: 1 });
    const reserved = await sql.reserve();
    const old = await backendPid(reserved);
    await terminate(url, old);
    await sleep(100);
    const first = await settle(reserved`select 1`);
    const other = settle(backendPid(sql));
    const stale = reserved<{ pid: number }[]>`select pg_backend_pid() as pid`;
    const staleOutcome = await settle(stale);
    const ran = await stale.then(
      ([row]) => (row?.pid === old ? 'old backend' : 'another caller’s backend'),
      () => 'nowhere',
    );
    reserved.release();
    const otherOutcome = await other;
    const pool = await poolAnswers(sql);
    await sql.end({ timeout: 1 });
    return { first, stale: staleOutcome, staleRanOn: ran, other: otherOutcome, ...pool };
  },

  /**
   * LanternOps/breeze#3225: the socket closes while a small write is still buffered for
   * `setImmediate`. The buffered bytes and the cleared-but-set timer must not outlive the socket
   * (or the reconnect's startup message is never flushed, or goes out behind stale bytes).
   */
  async 'buffered-write-at-close'(url) {
    const sockets: Socket[] = [];
    const parsed = new URL(url);
    const options = {
      ...quiet,
      max: 1,
      connect_timeout: 2,
      socket: () => {
        const s = connect(Number(parsed.port || 5432), parsed.hostname);
        sockets.push(s);
        return s;
      },
    } as Options<Record<string, never>>;
    const sql = postgres(url, options);
    const reserved = await sql.reserve();
    await reserved`select 1`;
    const query = reserved`select 1`.execute();
    sockets.at(-1)?.destroy(); // before the buffered write's setImmediate runs
    const buffered = await settle(query);
    reserved.release();
    const pool = await poolAnswers(sql);
    await sql.end({ timeout: 1 });
    return { buffered, ...pool };
  },

  /**
   * The connection dies while the driver fetches the array types of a new connection — its own
   * query, which nobody awaits: its rejection must not become an unhandled rejection (seen when
   * every backend of the API server was terminated under load).
   */
  async 'types-fetch-drop'(url) {
    const parsed = new URL(url);
    let dropped = false;
    const options = {
      ...quiet,
      max: 1,
      socket: () => {
        const s = connect(Number(parsed.port || 5432), parsed.hostname);
        const write = s.write.bind(s);
        s.write = ((chunk: Uint8Array, done?: (error?: Error | null) => void) => {
          const written = write(chunk, done);
          if (!dropped && Buffer.from(chunk).includes('typarray')) {
            dropped = true;
            s.destroy(); // the backend is gone before the types query is answered
          }
          return written;
        }) as typeof s.write;
        return s;
      },
    } as Options<Record<string, never>>;
    const sql = postgres(url, options);
    const reservation = sql.reserve();
    const reserve = await settle(reservation);
    await reservation.then((r) => r.release()).catch(() => undefined);
    const pool = await poolAnswers(sql);
    await sql.end({ timeout: 1 });
    return { dropped: String(dropped), reserve, ...pool };
  },

  /**
   * The store's transaction when the connection is reset (RST) under a statement: its ROLLBACK
   * is issued between the socket's 'error' and 'close' — on a socket that is destroyed but not
   * yet gone. It must not be queued for the next socket (which then answers every later query
   * to the wrong one: the pool hangs).
   */
  async 'reserve-reset'(url) {
    const forwarder = await resettingForwarder(url);
    const sql = postgres(forwarder.url, { ...quiet, max: 1 }); // the pool's next queries: that connection
    const reserved = await sql.reserve();
    await reserved`begin`;
    const inflight = reserved`select pg_sleep(5)`;
    const rollback = inflight.then(
      () => 'no failure',
      () => settle(reserved.unsafe('rollback')), // what pipelinedTransaction does on a failure
    );
    await sleep(100);
    forwarder.reset();
    const statement = await settle(inflight);
    const rolledBack = await rollback;
    reserved.release(); // before the socket's 'close': the pool must not be handed the dead one
    const pool = await poolAnswers(sql);
    await sql.end({ timeout: 1 });
    forwarder.close();
    return { statement, rollback: rolledBack, ...pool };
  },

  /** `sql.begin()` when the connection is reset under a statement (its own ROLLBACK, as above). */
  async 'begin-reset'(url) {
    const forwarder = await resettingForwarder(url);
    const sql = postgres(forwarder.url, { ...quiet, max: 1 }); // the pool's next queries: that connection
    let started = false;
    const tx = settle(
      sql.begin(async (t) => {
        await t`select 1`;
        started = true;
        await t`select pg_sleep(5)`;
      }),
    );
    while (!started) await sleep(10);
    await sleep(100);
    forwarder.reset();
    const transaction = await tx;
    const pool = await poolAnswers(sql);
    await sql.end({ timeout: 1 });
    forwarder.close();
    return { transaction, ...pool };
  },
};

const [name, url] = process.argv.slice(2);
const scenario = name ? scenarios[name] : undefined;
if (!scenario || !url) {
  process.stderr.write(
    `usage: driver-drop-scenarios <${Object.keys(scenarios).join('|')}> <url>\n`,
  );
  process.exit(2);
}
const results = await scenario(url);
process.stdout.write(`${JSON.stringify({ scenario: name, results })}\n`);
process.exit(0);
