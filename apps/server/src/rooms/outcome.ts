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

/** The remembered answer of a command that changed something and answered nothing more: most commands. */
const PLAIN_OK = JSON.stringify({ ok: true, result: {} } satisfies Outcome);

/**
 * An answer as the store and the acknowledgement memory keep it, to answer a retried command id.
 * The most common answer is one shared string: a room keeps every answer for its lifetime, and a
 * string per command would add to the memory the garbage collector walks.
 */
export function answerText(outcome: Outcome): string {
  if (outcome.ok && !outcome.changes) {
    let empty = true;
    for (const _ in outcome.result) {
      empty = false;
      break;
    }
    if (empty) return PLAIN_OK;
  }
  return JSON.stringify(outcome);
}
