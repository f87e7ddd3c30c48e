import type { Ack, AckError, ErrorCode } from '@leadboard/core';
import type { z } from 'zod';
import { formatIssues } from '@leadboard/core/schema';

/** Call a client's acknowledgement if it sent one; a client that sent none simply gets no answer. */
export function reply<T extends object>(ack: unknown, payload: Ack<T>): void {
  if (typeof ack === 'function') (ack as (payload: Ack<T>) => void)(payload);
}

export function refusal(code: ErrorCode, message: string, retryAfterMs?: number): { ok: false; error: AckError } {
  return { ok: false, error: retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs } };
}

export function invalid(error: z.ZodError): { ok: false; error: AckError } {
  return refusal('INVALID', formatIssues(error));
}
