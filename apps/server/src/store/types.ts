import type { PartKey } from '@leadboard/core';

/** A room as stored: its parts, the revision each part was last written at, and the room counters. */
export interface StoredRoom {
  parts: Map<PartKey, unknown>;
  versions: Map<PartKey, number>;
  /** Bumped by every commit. */
  rev: number;
  /** The revision of the last commit that wrote a structural part (meta, teams, scenarios, takeaways). */
  struct: number;
  /** Bumped by commits that other clients are told about; the `seq` of deltas. */
  seq: number;
}

export interface CommitRequest {
  code: string;
  /** The structural revision the commands were checked against. */
  struct: number;
  /** This commit writes a structural part, so it becomes the new structural revision. */
  structural: boolean;
  /** When set, the room must still be at exactly this revision (nothing else committed meanwhile). */
  rev?: number;
  /** Parts that must still be at these revisions (0 = absent) for the commit to apply. */
  expect: [PartKey, number][];
  /** New values; null deletes the part. */
  writes: [PartKey, unknown][];
  /** Acknowledgements to record under their command keys; the commit is refused if one exists. */
  acks: [string, string][];
  /** Whether this commit is announced to other clients (takes the next seq). */
  announce: boolean;
  ttlSeconds: number;
}

export type CommitResult =
  | { status: 'ok'; rev: number; seq: number }
  | { status: 'conflict' }
  | { status: 'duplicate'; key: string; ack: string }
  | { status: 'missing' };

/**
 * Where rooms live. Both implementations pass the same contract suite (contract.ts); every method
 * is atomic for its room. A store that cannot be reached rejects with StoreUnavailableError.
 */
export interface RoomStore {
  readonly kind: 'redis' | 'memory';
  /** Create a room; false if the code is taken. */
  create(code: string, parts: Map<PartKey, unknown>, ttlSeconds: number): Promise<boolean>;
  load(code: string): Promise<StoredRoom | null>;
  /** The room's current revision, or null if it does not exist. */
  revision(code: string): Promise<number | null>;
  commit(request: CommitRequest): Promise<CommitResult>;
  findAck(code: string, key: string): Promise<string | null>;
  /** When the room's data expires (epoch ms), or null if it does not exist. */
  expiresAt(code: string): Promise<number | null>;
  delete(code: string): Promise<boolean>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StoreUnavailableError';
  }
}
