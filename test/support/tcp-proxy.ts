import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of the shared PostgreSQL, so a test can make the database unreachable for
 * one node (cut) and bring it back (restore) without stopping the real server.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly pairs = new Set<[Socket, Socket]>();
  private readonly orphans = new Set<Socket>();
  private stalled = false;

  /** Where the proxy listens (the same port again after a restore). */
  port = 0;

  private constructor(private target: { host: string; port: number }) {}

  /** New connections go to this address from now on (open ones stay where they are). */
  retarget(target: { host: string; port: number }): void {
    this.target = target;
  }

  /** Listens on `port` (default: any free one) and forwards to `target`. */
  static async start(target: { host: string; port: number }, port = 0): Promise<TcpProxy> {
    const proxy = new TcpProxy(target);
    proxy.port = await proxy.listen(port);
    return proxy;
  }

  /**
   * The clients' side of every open connection is cut, the server's side left open and silent:
   * as after a laptop changes networks, the clients reconnect at once while the server still
   * holds their old sockets (until its heartbeat gives up, or `closeOrphans`).
   */
  orphan(): void {
    for (const pair of [...this.pairs]) {
      const [client, upstream] = pair;
      client.unpipe(upstream);
      upstream.unpipe(client);
      upstream.pause();
      this.pairs.delete(pair);
      this.orphans.add(upstream);
      client.destroy();
    }
  }

  /** The server's side of the orphaned connections closes too. */
  closeOrphans(): void {
    for (const socket of this.orphans) socket.destroy();
    this.orphans.clear();
  }

  /** Every connection through the proxy is cut and new ones are refused. */
  cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  async restore(): Promise<void> {
    await this.listen(this.port);
  }

  /**
   * The database stops answering but stays connected (a stalled or overloaded server): nothing
   * is forwarded either way, on open or new connections, until `resume`.
   */
  stall(): void {
    this.stalled = true;
    for (const [client, upstream] of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  }

  resume(): void {
    this.stalled = false;
    for (const pair of this.pairs) forward(pair);
  }

  private listen(port: number): Promise<number> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.add(pair);
      for (const socket of pair) {
        this.sockets.add(socket);
        socket.on('close', () => {
          this.sockets.delete(socket);
          this.pairs.delete(pair);
        });
        socket.on('error', () => {
          client.destroy();
          if (!this.orphans.has(upstream)) upstream.destroy();
        });
      }
      if (this.stalled) client.pause();
      else forward(pair);
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
    });
  }
}

function forward([client, upstream]: [Socket, Socket]): void {
  client.pipe(upstream);
  upstream.pipe(client);
}

/**
 * A round-robin TCP load balancer, as an ordinary one in front of several nodes: each new
 * connection goes to the next node that accepts it, so when a node dies its clients reconnect
 * to the others through the same address.
 */
export class TcpBalancer {
  private next = 0;
  private held = false;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly targets: number[],
  ) {}

  get port(): number {
    return (this.server.address() as { port: number }).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(targets: number[]): Promise<TcpBalancer> {
    const server = createServer();
    const balancer = new TcpBalancer(server, targets);
    server.on('connection', (client) => balancer.route(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return balancer;
  }

  /** New connections are cut at once (as with every node down) until `release`. */
  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private route(client: Socket): void {
    if (this.held) {
      client.destroy();
      return;
    }
    client.pause();
    this.sockets.add(client);
    client.once('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    this.tryTarget(client, 0);
  }

  private tryTarget(client: Socket, attempt: number): void {
    if (client.destroyed) return;
    if (attempt >= this.targets.length) {
      client.destroy();
      return;
    }
    const port = this.targets[this.next++ % this.targets.length] as number;
    const upstream = connect(port, '127.0.0.1');
    let connected = false;
    upstream.on('error', () => {
      upstream.destroy();
      // Refused (the node is down): the next one. Once connected, an error ends both sides.
      if (connected) client.destroy();
      else this.tryTarget(client, attempt + 1);
    });
    upstream.once('connect', () => {
      connected = true;
      this.sockets.add(upstream);
      upstream.once('close', () => {
        this.sockets.delete(upstream);
        client.destroy();
      });
      client.once('close', () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  }
}
