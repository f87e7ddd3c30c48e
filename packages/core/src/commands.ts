import type { z } from 'zod';
import type { CommandSchema } from './schema/commands.js';
import type { CreateWorkshopSchema } from './schema/http.js';
import type { JoinSchema, SyncSchema } from './schema/session.js';

/** A validated command, as the reducer receives it. */
export type Command = z.output<typeof CommandSchema>;
/** A command as a client sends it. */
export type CommandInput = z.input<typeof CommandSchema>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export type JoinRequest = z.output<typeof JoinSchema>;
export type JoinInput = z.input<typeof JoinSchema>;
export type SyncRequest = z.output<typeof SyncSchema>;
export type CreateWorkshopRequest = z.output<typeof CreateWorkshopSchema>;
export type CreateWorkshopInput = z.input<typeof CreateWorkshopSchema>;

/** A command before its id is assigned: what screens build and the client sync layer sends. */
export type CommandDraft = CommandInput extends infer C ? (C extends unknown ? Omit<C, 'id'> : never) : never;
