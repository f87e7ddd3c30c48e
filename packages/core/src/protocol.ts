import type { Progress } from './analytics.js';
import type { CommandInput, JoinInput } from './commands.js';
import type { ErrorCode } from './constants.js';
import type { RefusalReason } from './i18n/refusal.js';
import type { CommandResult } from './reducer/rule.js';
import type { Change } from './view.js';
import type { WireView } from './wire.js';
import type { z } from 'zod';
import type { CreatedWorkshopSchema, ErrorBodySchema, JoinAddressesSchema, WorkshopSummarySchema } from './schema/responses.js';

export interface AckError {
  code: ErrorCode;
  message: string;
  /** With RATE_LIMITED and UNAVAILABLE: when a retry makes sense. */
  retryAfterMs?: number;
  /** Which refusal of its code this is, and what it names: the screens word it from these (i18n/refusal.ts). */
  reason?: RefusalReason;
  params?: Record<string, string | number>;
}

/** Every acknowledgement: success with its fields, or a refusal with a stable code. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: AckError };

export type Role = 'facilitator' | 'participant' | 'stage';

export type JoinAddresses = z.infer<typeof JoinAddressesSchema>;
export type WorkshopSummary = z.infer<typeof WorkshopSummarySchema>;
export type CreatedWorkshop = z.infer<typeof CreatedWorkshopSchema>;
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export interface You {
  role: Role;
  /** The participant id; null for the facilitator and the stage. */
  id: string | null;
  /** A participant's token, to keep for resuming (returned on the first join). */
  token: string | null;
}

export interface Snapshot {
  seq: number;
  /** Placements in their wire form (wire.ts): a screen takes the view in through `viewFromWire`. */
  view: WireView;
  progress: Progress;
  /** The server's clock when the snapshot was taken, so timers agree across screens. */
  serverNow: number;
  /** Facilitator only: ids of participants with a live connection. */
  online?: string[];
  /** When the workshop's data expires (epoch ms), refreshed by activity. */
  expiresAt: number;
}

/** Changes for seq `from`..`seq` (inclusive), role-filtered. A client applies it only if `from` is its seq + 1. */
export interface Delta {
  from: number;
  seq: number;
  changes: Change[];
  serverNow: number;
}

export type JoinAck = Ack<{ you: You; snapshot: Snapshot }>;
/**
 * `changes`: what the command changed of the sender's own hidden parts (their ballot's votes, stars
 * and reflection, their own record), in wire form, when it changed any. The sender's other
 * connections hear the same as `private`; the connection that sent the command hears it only here.
 */
export type CommandAck = Ack<{ result: CommandResult; changes?: Change[] }>;
export type SyncAck = Ack<{ snapshot: Snapshot }>;

export interface ClientToServerEvents {
  join: (payload: JoinInput, ack: (res: JoinAck) => void) => void;
  command: (payload: CommandInput, ack: (res: CommandAck) => void) => void;
  sync: (payload: { since?: number }, ack: (res: SyncAck) => void) => void;
}

/** What the server actually receives: nothing is trusted until validated. */
export type UntrustedClientEvents = {
  [K in keyof ClientToServerEvents]: (payload: unknown, ack: unknown) => void;
};

export interface Presence {
  online: string[];
}

export interface Farewell {
  code: ErrorCode;
  message: string;
}

export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  changed: (delta: Delta) => void;
  /** Your own hidden parts (votes, stars, reflection), changed from another tab or device. */
  private: (changes: { changes: Change[] }) => void;
  progress: (progress: Progress) => void;
  presence: (presence: Presence) => void;
  /** The server ends this session: removed, workshop deleted, or the server is shutting down. */
  farewell: (farewell: Farewell) => void;
}
