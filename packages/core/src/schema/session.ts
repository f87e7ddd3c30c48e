import { z } from 'zod';
import { LIMITS } from '../constants.js';
import { RoomCode, Token, text } from './common.js';

/** `join`: who is connecting to which room. A participant without a token is a new participant. */
export const JoinSchema = z.discriminatedUnion('role', [
  z.strictObject({
    code: RoomCode,
    role: z.literal('participant'),
    name: text(LIMITS.nameMax).optional(),
    token: Token.optional(),
  }),
  z.strictObject({ code: RoomCode, role: z.literal('facilitator'), token: Token }),
  z.strictObject({ code: RoomCode, role: z.literal('stage'), token: Token }),
]);

/** `sync`: ask for the current view; `since` is the last seq the client applied. */
export const SyncSchema = z.strictObject({ since: z.int().min(0).optional() });
