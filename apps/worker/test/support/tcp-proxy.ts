import { connect, createServer, type Server, type Socket } from 'node:net';

export interface Upstream {
  readonly host: string;
  readonly port: number;
}

/**
 * A TCP proxy between the processes under test and PostgreSQL, to inject what a deployment
 * meets without touching the shared server: every connection dropped at once (a crashed or
 * restarted server, a failover), new connections refused for a while (the server restarting),
 * and the upstream switched (the failover's new primary).
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private upstream: Upstream;

  private constructor(
    upstream: Upstream,
    readonly port: number,
  ) {
    this.upstream = upstream;
  }

  /** Listen on a free port of 127.0.0.1 (or `port`), forwarding to `upstream`. */
  static async start(upstream: Upstream, port = 0): Promise<TcpProxy> {
    const server = TcpProxy.listener();
    const bound = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
    const proxy = new TcpProxy(upstream, bound);
    proxy.attach(server);
    return proxy;
  }

  /** `postgres://…` of `url` pointed at this proxy. */
  urlFor(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.href;
  }

  get connections(): number {
    return this.sockets.size / 2;
  }

  /** Destroy every proxied connection (`reset`: with a TCP RST, as a crashed host). */
  dropAll(options: { reset?: boolean } = {}): number {
    const count = this.connections;
    for (const s of this.sockets) {
      if (options.reset) s.resetAndDestroy();
      else s.destroy();
    }
    this.sockets.clear();
    return count;
  }

  /** Stop listening: new connections are refused (ECONNREFUSED) until `resume()`. */
  async refuse(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    // The listening socket closes at once; `close`'s callback would wait for the connections.
    server?.close();
    await new Promise((r) => setImmediate(r));
  }

  /** Listen again on the same port, forwarding to `upstream` (a failover's new primary). */
  async resume(upstream: Upstream = this.upstream): Promise<void> {
    this.upstream = upstream;
    if (this.server) return;
    const server = TcpProxy.listener();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', resolve);
    });
    this.attach(server);
  }

  /** A restart: every connection dropped and new ones refused for `downMs`, then served again. */
  async restart(downMs: number, upstream?: Upstream): Promise<void> {
    await this.refuse();
    this.dropAll();
    await new Promise((r) => setTimeout(r, downMs));
    await this.resume(upstream);
  }

  async close(): Promise<void> {
    await this.refuse();
    this.dropAll();
  }

  private static listener(): Server {
    return createServer({ noDelay: true });
  }

  private attach(server: Server): void {
    this.server = server;
    server.on('connection', (client) => {
      const upstream = connect(this.upstream.port, this.upstream.host);
      upstream.setNoDelay(true);
      this.sockets.add(client);
      this.sockets.add(upstream);
      const forget = () => {
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      // A side that closes lets what it sent reach the other first (PostgreSQL's FATAL before
      // its close, as without the proxy); an error resets both.
      client.on('close', () => (forget(), upstream.destroySoon()));
      upstream.on('close', () => (forget(), client.destroySoon()));
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
    });
  }
}
