import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP load balancer for tests: each new connection goes to the first backend that accepts it,
 * rotating the starting point so connections spread. When a backend dies its connections drop and
 * reconnect elsewhere — what a real balancer does for WebSocket clients.
 */
export class TestBalancer {
  private readonly sockets = new Set<Socket>();
  private next = 0;
  private constructor(private readonly server: Server, private readonly backends: () => number[]) {}

  static async start(backends: () => number[]): Promise<TestBalancer> {
    const server = createServer();
    const balancer = new TestBalancer(server, backends);
    server.on('connection', (client) => balancer.route(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return balancer;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private route(client: Socket): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    const ports = this.backends();
    const start = this.next++;
    const attempt = (i: number) => {
      if (i >= ports.length) return client.destroy();
      const port = ports[(start + i) % ports.length]!;
      const upstream = connect(port, '127.0.0.1');
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        this.sockets.add(upstream);
        upstream.on('close', () => {
          this.sockets.delete(upstream);
          client.destroy();
        });
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
      });
      upstream.on('error', () => {
        upstream.destroy();
        if (!connected) attempt(i + 1);
      });
    };
    attempt(0);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
