// The cluster the server's fault tests start: three primaries on free local ports, nothing on disk.
import { TestRedisCluster } from '../../apps/server/test/faults/redis-cluster.js';

export { TestRedisCluster };

/** The Streams adapter's one stream (its default name, which both systems keep). */
const ADAPTER_STREAM = 'socket.io';
/** Leadboard's per-IP join counts (`security/limits.ts`): every phone comes from one IP, so each is one key. */
const JOIN_LIMITS = ['lb:limit:joins:127.0.0.1', 'lb:limit:failed-joins:127.0.0.1'];

/**
 * Where the run's Redis work lands in the cluster: the node that holds the adapter's stream and,
 * for Leadboard (`codes` given), each room's keys (one slot, by their `{CODE}` hash tag) and the
 * per-IP join counts. The baseline keeps nothing else in Redis.
 */
export async function placement(cluster: TestRedisCluster, codes: string[] | null): Promise<string> {
  const redis = cluster.node(cluster.ports[0]!);
  try {
    const slots = (await redis.call('CLUSTER', 'SLOTS')) as [number, number, [string, number, ...unknown[]]][];
    const holder = async (key: string) => {
      const slot = Number(await redis.call('CLUSTER', 'KEYSLOT', key));
      const port = slots.find(([from, to]) => slot >= from && slot <= to)?.[2][1];
      return { slot, node: `node ${cluster.ports.indexOf(port ?? -1) + 1}` };
    };
    const rooms = await Promise.all((codes ?? []).map(async (code) => ({ code, ...(await holder(`{${code}}`)) })));
    const stream = await holder(ADAPTER_STREAM);
    const limits = await Promise.all((codes ? JOIN_LIMITS : []).map(async (key) => {
      const { node, slot } = await holder(key);
      return `${key} on ${node} (slot ${slot})`;
    }));
    const where = !codes ? [] : rooms.length <= 3
      ? rooms.map((r) => `room ${r.code}'s keys on ${r.node} (slot ${r.slot})`)
      : [`rooms' keys: ${cluster.ports.map((_, i) => `${rooms.filter((r) => r.node === `node ${i + 1}`).length} on node ${i + 1}`).join(', ')}`];
    return `${cluster.ports.length} primaries; ${[...where, `adapter stream on ${stream.node} (slot ${stream.slot})`, ...limits].join('; ')}`;
  } finally {
    redis.disconnect();
  }
}
