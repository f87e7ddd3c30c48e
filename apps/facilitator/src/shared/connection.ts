import type { ConnectionState } from '@leadboard/client';

export type LinkState = 'live' | 'connecting' | 'reconnecting' | 'offline' | 'ended';

/** The browser's own idea of the network wins: offline says more than "reconnecting". */
export function linkState(connection: ConnectionState, browserOnline: boolean): LinkState {
  if (connection === 'ended') return 'ended';
  if (!browserOnline) return 'offline';
  return connection;
}
