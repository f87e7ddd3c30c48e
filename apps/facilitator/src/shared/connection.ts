import type { ConnectionState } from '@leadboard/client';

export type LinkState = 'live' | 'connecting' | 'reconnecting' | 'offline' | 'ended';

/** The browser's own idea of the network wins: offline says more than "reconnecting". */
export function linkState(connection: ConnectionState, browserOnline: boolean): LinkState {
  if (connection === 'ended') return 'ended';
  if (!browserOnline) return 'offline';
  return connection;
}

export const LINK_TEXT: Record<LinkState, { short: string; long: string }> = {
  live: { short: 'Connected', long: 'Connected.' },
  connecting: { short: 'Connecting…', long: 'Connecting to the workshop…' },
  reconnecting: { short: 'Reconnecting…', long: 'Lost the connection; reconnecting. What you do now is kept and sent once it is back.' },
  offline: { short: 'Offline', long: 'This device is offline. What you do now is kept and sent once the network is back.' },
  ended: { short: 'Disconnected', long: 'This screen is no longer connected to the workshop.' },
};
