import { Router, type Request } from 'express';
import { networkInterfaces } from 'node:os';
import type { JoinAddresses } from '@leadboard/core';

export type { JoinAddresses };

/** Hosts only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bracketed = /^\[([^\]]+)\]/.exec(host);
  const name = (bracketed ? bracketed[1]! : host.replace(/:\d+$/, '')).toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/** Private ranges first: the venue's wifi address is the one phones in the room can reach. */
function rank(address: string): number {
  if (/^192\.168\./.test(address)) return 0;
  if (/^10\./.test(address)) return 1;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) return 2;
  return 3;
}

/**
 * The origins phones on the local network can open: this machine's IPv4 addresses outside
 * loopback, when the server listens on them (not when it is bound to 127.0.0.1).
 */
export function lanOrigins(listenHost: string, port: number, interfaces = networkInterfaces()): string[] {
  if (isLoopbackHost(listenHost)) return [];
  const addresses = Object.values(interfaces)
    .flat()
    .filter((i): i is NonNullable<typeof i> => Boolean(i) && i!.family === 'IPv4' && !i!.internal)
    .map((i) => i.address)
    .filter((address) => listenHost === '0.0.0.0' || listenHost === '::' || address === listenHost);
  return [...new Set(addresses)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1)).map((address) => `http://${address}:${port}`);
}

export interface AddressOptions {
  publicUrl?: string;
  /** The LAN origins, read when the server has started listening (it knows its port then). */
  lan: () => string[];
}

/** Where people should open the join link; the console and the create response use the same answer. */
export function joinAddresses(options: AddressOptions): JoinAddresses {
  const publicUrl = options.publicUrl?.replace(/\/+$/, '') ?? null;
  return { publicUrl, lan: publicUrl ? [] : options.lan() };
}

/** The origin a link given to this request should use: PUBLIC_URL, else a LAN address for a loopback request. */
export function linkOrigin(req: Request, options: AddressOptions): string {
  const { publicUrl, lan } = joinAddresses(options);
  if (publicUrl) return publicUrl;
  const own = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  return isLoopbackHost(req.get('host') ?? 'localhost') && lan[0] ? lan[0] : own;
}

export function addressRoutes(options: AddressOptions): Router {
  const router = Router();
  router.get('/api/addresses', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(joinAddresses(options));
  });
  return router;
}
