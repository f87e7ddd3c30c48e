import type { Server, Socket } from 'socket.io';
import type { Actor, Audience, ServerToClientEvents, UntrustedClientEvents } from '@leadboard/core';
import type { CommitRecord } from '../rooms/live-room.js';

/** Between server processes, through the adapter. */
export interface InterServerEvents {
  'lb:commit': (code: string, record: CommitRecord) => void;
  'lb:forget': (code: string) => void;
}

export interface SocketData {
  code?: string;
  actor?: Actor;
  audience?: Audience;
  /** Scopes command ids: the participant id, or the role. */
  actorKey?: string;
  ip: string;
  /** The hashed device id of the browser (see security/device.ts). */
  device: string;
  /** Consecutive failed joins on this connection. */
  failedJoins: number;
}

export type IoServer = Server<UntrustedClientEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type IoSocket = Socket<UntrustedClientEvents, ServerToClientEvents, InterServerEvents, SocketData>;
