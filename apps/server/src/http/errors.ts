import type { ErrorRequestHandler, Response } from 'express';
import type { ErrorCode } from '@leadboard/core';
import type { Logger } from 'pino';
import { StoreUnavailableError } from '../store/types.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  REMOVED: 403,
  CONFLICT: 409,
  WRONG_PHASE: 409,
  LOCKED: 409,
  NEEDS_TEAM: 409,
  LIMIT_REACHED: 409,
  ROOM_FULL: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/** Every HTTP refusal: a status and `{error: {code, message}}`. */
export function sendError(res: Response, code: ErrorCode, message: string, retryAfterMs?: number): void {
  if (retryAfterMs !== undefined) res.setHeader('Retry-After', String(Math.ceil(retryAfterMs / 1000)));
  res.status(STATUS[code] ?? 500).json({ error: retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs } });
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const e = error as { type?: string; status?: number };
    if (e.type === 'entity.parse.failed') return sendError(res, 'INVALID', 'The body is not valid JSON.');
    if (e.type === 'entity.too.large') return res.status(413).json({ error: { code: 'INVALID', message: 'The body is too large.' } });
    if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') return sendError(res, 'INVALID', 'Send UTF-8 JSON.');
    if (error instanceof StoreUnavailableError) return sendError(res, 'UNAVAILABLE', 'The workshop store is not reachable.', 1000);
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return sendError(res, 'INVALID', 'Bad request.');
    log.error({ err: error }, 'request failed');
    res.status(500).json({ error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } });
  };
}
