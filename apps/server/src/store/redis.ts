import type { Cluster, Redis, RedisOptions, Result } from 'ioredis';
import { connectRedis, type RedisTarget } from './redis-connection.js';
import type { PartKey } from '@leadboard/core';
import { StoreUnavailableError, type CommitRequest, type CommitResult, type RoomStore, type StoredRoom } from './types.js';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    lbCreate(state: string, ver: string, acks: string, payload: string): Result<number, Context>;
    lbCommit(state: string, ver: string, acks: string, payload: string): Result<(string | number)[], Context>;
  }
}

// Keys of one room share the {CODE} hash tag, so in a Redis Cluster they live in one slot and one
// script can touch all of them atomically.
function keys(code: string): [state: string, ver: string, acks: string] {
  return [`lb:{${code}}:state`, `lb:{${code}}:ver`, `lb:{${code}}:acks`];
}

const CREATE = `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
local p = cjson.decode(ARGV[1])
for _, kv in ipairs(p.parts) do
  redis.call('HSET', KEYS[1], kv[1], kv[2])
  redis.call('HSET', KEYS[2], kv[1], 1)
end
redis.call('HSET', KEYS[2], '#rev', 1, '#struct', 1, '#seq', 0)
redis.call('EXPIRE', KEYS[1], p.ttl)
redis.call('EXPIRE', KEYS[2], p.ttl)
return 1
`;

// Check the structural revision and every expected part revision, refuse a command id seen
// before, then write, bump the counters and refresh the TTL of every key of the room.
const COMMIT = `
local rev = redis.call('HGET', KEYS[2], '#rev')
if not rev then return {'missing'} end
local p = cjson.decode(ARGV[1])
if tonumber(redis.call('HGET', KEYS[2], '#struct')) ~= p.struct then return {'conflict'} end
if p.rev and tonumber(rev) ~= p.rev then return {'conflict'} end
for _, kv in ipairs(p.expect) do
  if tonumber(redis.call('HGET', KEYS[2], kv[1]) or '0') ~= kv[2] then return {'conflict'} end
end
for _, kv in ipairs(p.acks) do
  local seen = redis.call('HGET', KEYS[3], kv[1])
  if seen then return {'duplicate', kv[1], seen} end
end
rev = redis.call('HINCRBY', KEYS[2], '#rev', 1)
for _, kv in ipairs(p.writes) do
  if kv[2] == cjson.null then
    redis.call('HDEL', KEYS[1], kv[1])
    redis.call('HDEL', KEYS[2], kv[1])
  else
    redis.call('HSET', KEYS[1], kv[1], kv[2])
    redis.call('HSET', KEYS[2], kv[1], rev)
  end
end
if p.structural then redis.call('HSET', KEYS[2], '#struct', rev) end
local seq
if p.announce then seq = redis.call('HINCRBY', KEYS[2], '#seq', 1) else seq = tonumber(redis.call('HGET', KEYS[2], '#seq')) end
for _, kv in ipairs(p.acks) do redis.call('HSET', KEYS[3], kv[1], kv[2]) end
for i = 1, 3 do redis.call('EXPIRE', KEYS[i], p.ttl) end
return {'ok', rev, seq}
`;

/** Options for the store's own connection: fail fast instead of queueing while Redis is away. */
export const STORE_CLIENT_OPTIONS: RedisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: 1500,
  connectTimeout: 2000,
  retryStrategy: (attempt) => Math.min(100 * attempt, 1000),
};

function isReplyError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ReplyError';
}

export class RedisRoomStore implements RoomStore {
  readonly kind = 'redis';

  constructor(private readonly redis: Redis | Cluster) {
    redis.defineCommand('lbCreate', { numberOfKeys: 3, lua: CREATE });
    redis.defineCommand('lbCommit', { numberOfKeys: 3, lua: COMMIT });
  }

  /** The connection, for what else keeps its state in this Redis (the shared rate limits). */
  get client(): Redis | Cluster {
    return this.redis;
  }

  /** Connect to a Redis URL with fail-fast options; resolves once the connection is ready. */
  static async connect(where: string | RedisTarget): Promise<RedisRoomStore> {
    const target = typeof where === 'string' ? { urls: [where], cluster: false } : where;
    const redis = connectRedis(target, { ...STORE_CLIENT_OPTIONS, lazyConnect: true });
    redis.on('error', () => {
      // Reconnection is automatic; commands meanwhile fail fast and are reported as UNAVAILABLE.
    });
    await redis.connect();
    return new RedisRoomStore(redis);
  }

  private async run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (isReplyError(error)) throw error;
      throw new StoreUnavailableError(error);
    }
  }

  async create(code: string, parts: Map<PartKey, unknown>, ttlSeconds: number): Promise<boolean> {
    const [state, ver, acks] = keys(code);
    const payload = JSON.stringify({ parts: [...parts].map(([k, v]) => [k, JSON.stringify(v)]), ttl: ttlSeconds });
    return this.run(async () => (await this.redis.lbCreate(state, ver, acks, payload)) === 1);
  }

  async load(code: string): Promise<StoredRoom | null> {
    const [state, ver] = keys(code);
    const results = await this.run(() => this.redis.multi().hgetall(state).hgetall(ver).exec());
    const [[stateError, rawParts], [verError, rawVersions]] = results as [[Error | null, Record<string, string>], [Error | null, Record<string, string>]];
    const failed = stateError ?? verError;
    if (failed) throw failed;
    if (!rawVersions['#rev']) return null;
    const parts = new Map<PartKey, unknown>();
    for (const [key, value] of Object.entries(rawParts)) parts.set(key, JSON.parse(value));
    const versions = new Map<PartKey, number>();
    for (const [key, value] of Object.entries(rawVersions)) if (!key.startsWith('#')) versions.set(key, Number(value));
    return {
      parts,
      versions,
      rev: Number(rawVersions['#rev']),
      struct: Number(rawVersions['#struct']),
      seq: Number(rawVersions['#seq']),
    };
  }

  async revision(code: string): Promise<number | null> {
    const value = await this.run(() => this.redis.hget(keys(code)[1], '#rev'));
    return value === null ? null : Number(value);
  }

  async commit(request: CommitRequest): Promise<CommitResult> {
    const [state, ver, acks] = keys(request.code);
    const payload = JSON.stringify({
      struct: request.struct,
      rev: request.rev,
      structural: request.structural,
      expect: request.expect,
      writes: request.writes.map(([k, v]) => [k, v === null || v === undefined ? null : JSON.stringify(v)]),
      acks: request.acks,
      announce: request.announce,
      ttl: request.ttlSeconds,
    });
    const reply = await this.run(() => this.redis.lbCommit(state, ver, acks, payload));
    switch (reply[0]) {
      case 'ok':
        return { status: 'ok', rev: Number(reply[1]), seq: Number(reply[2]) };
      case 'duplicate':
        return { status: 'duplicate', key: String(reply[1]), ack: String(reply[2]) };
      case 'missing':
        return { status: 'missing' };
      default:
        return { status: 'conflict' };
    }
  }

  async findAck(code: string, key: string): Promise<string | null> {
    return this.run(() => this.redis.hget(keys(code)[2], key));
  }

  async expiresAt(code: string): Promise<number | null> {
    const ttl = await this.run(() => this.redis.pttl(keys(code)[1]));
    return ttl < 0 ? null : Date.now() + ttl;
  }

  async delete(code: string): Promise<boolean> {
    return (await this.run(() => this.redis.del(...keys(code)))) > 0;
  }

  async ping(): Promise<void> {
    await this.run(() => this.redis.ping());
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
