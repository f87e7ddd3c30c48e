import type { AckError, Change, CommandResult } from '@leadboard/core';

/** `changes`: the actor's own hidden parts the command changed, in wire form (see core's `CommandAck`). */
export type Outcome = { ok: true; result: CommandResult; changes?: Change[] } | { ok: false; error: AckError };

export const unavailable = (message = 'The workshop store is not reachable; try again in a moment.'): Outcome => ({
  ok: false,
  error: { code: 'UNAVAILABLE', message, retryAfterMs: 1000 },
});

export const notFound: Outcome = { ok: false, error: { code: 'NOT_FOUND', message: 'This workshop no longer exists.' } };

export function internal(error: unknown): Outcome {
  return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? 'Something went wrong on the server.' : String(error) } };
}
