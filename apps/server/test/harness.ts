import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import { CreatedWorkshopSchema } from '@leadboard/core/schema';
import type { ClientToServerEvents, CommandAck, CreatedWorkshop, CommandDraft, Delta, JoinAck, JoinInput, ServerToClientEvents, SyncAck } from '@leadboard/core';
import { createApp, type App, type AppDeps } from '../src/app.js';
import { MemoryRoomStore } from '../src/store/memory.js';
import { RedisRoomStore } from '../src/store/redis.js';
import type { RoomStore } from '../src/store/types.js';
import { testRedisUrl } from './redis-url.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  url: string;
  app: App;
  store: RoomStore;
  close(): Promise<void>;
}

export async function startServer(options: { store?: 'memory' | 'redis' } & Omit<Partial<AppDeps>, 'store'> = {}): Promise<TestServer> {
  const redis = options.store === 'redis' ? await RedisRoomStore.connect(testRedisUrl()) : null;
  const store = redis ?? new MemoryRoomStore();
  // On Redis, per-IP limits are shared as in production, under a namespace of this server's own unless a test shares one.
  const sharedLimits = redis ? { redis: redis.client, namespace: `${randomUUID()}:`, ...options.sharedLimits } : undefined;
  const httpServer = createServer();
  const app = createApp(httpServer, { log: pino({ level: 'silent' }), ...options, sharedLimits, store });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return {
    url,
    app,
    store,
    async close() {
      await app.shutdown();
      httpServer.close();
    },
  };
}

export type { CreatedWorkshop };

export async function createWorkshop(url: string, body: object = {}): Promise<CreatedWorkshop> {
  const res = await fetch(`${url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return CreatedWorkshopSchema.parse(await res.json());
}

/** A socket.io-client with a record of everything it received, and promise helpers. */
export class TestClient {
  readonly socket: ClientSocket;
  readonly received: { event: string; payload: unknown }[] = [];
  private n = 0;

  constructor(url: string, options: { extraHeaders?: Record<string, string> } = {}) {
    this.socket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false, ...options });
    this.socket.onAny((event: string, payload: unknown) => this.received.push({ event, payload }));
  }

  async connected(): Promise<this> {
    if (this.socket.connected) return this;
    await new Promise<void>((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
    return this;
  }

  async join(payload: JoinInput): Promise<JoinAck> {
    await this.connected();
    return this.kept('join', await this.socket.timeout(5000).emitWithAck('join', payload));
  }

  /** Acknowledgements are kept with the events, so a test can read everything this client was told. */
  private kept<T>(event: string, ack: T): T {
    this.received.push({ event: `ack:${event}`, payload: ack });
    return ack;
  }

  async mustJoin(payload: JoinInput) {
    const ack = await this.join(payload);
    if (!ack.ok) throw new Error(`join refused: ${ack.error.code} ${ack.error.message}`);
    return ack;
  }

  async command(draft: CommandDraft, id = `cmd-${++this.n}-${Math.random().toString(36).slice(2, 8)}`): Promise<CommandAck> {
    return this.kept('command', await this.socket.timeout(5000).emitWithAck('command', { id, ...draft }));
  }

  async must(draft: CommandDraft) {
    const ack = await this.command(draft);
    if (!ack.ok) throw new Error(`${draft.type} refused: ${ack.error.code} ${ack.error.message}`);
    return ack.result;
  }

  async sync(): Promise<SyncAck> {
    return this.kept('sync', await this.socket.timeout(5000).emitWithAck('sync', {}));
  }

  /** Raw emit, for malformed payloads the types would not allow. */
  raw(event: string, payload: unknown): Promise<unknown> {
    return (this.socket.timeout(5000) as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }).emitWithAck(event, payload);
  }

  deltas(): Delta[] {
    return this.received.filter((r) => r.event === 'changed').map((r) => r.payload as Delta);
  }

  /** Wait until a received event satisfies the predicate. */
  async waitFor<T = unknown>(event: string, predicate: (payload: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let seen = 0;
    for (;;) {
      for (; seen < this.received.length; seen++) {
        const r = this.received[seen]!;
        if (r.event === event && predicate(r.payload as T)) return r.payload as T;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${event}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  close(): void {
    this.socket.close();
  }
}

export async function facilitatorOf(url: string, workshop: CreatedWorkshop) {
  const client = new TestClient(url);
  const ack = await client.mustJoin({ code: workshop.code, role: 'facilitator', token: workshop.facilitatorToken });
  return { client, ack };
}

export async function participant(url: string, code: string, name: string) {
  const client = new TestClient(url);
  const ack = await client.mustJoin({ code, role: 'participant', name });
  return { client, ack, id: ack.you.id!, token: ack.you.token! };
}

/** A response body for assertions: tests read fields freely and let the assertions judge. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function json(res: Response): Promise<any> {
  return res.json();
}
