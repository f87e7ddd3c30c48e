import type { AckError, ErrorCode } from '@leadboard/core';

/**
 * What to tell a person when the server refused without saying why, by HTTP status; `0` stands for
 * a server that could not be reached at all. Each app words the statuses it knows better.
 */
export type HttpWording = Partial<Record<number, string>>;

const WORDING: HttpWording = {
  0: 'Could not reach the server. Check the connection and try again.',
  404: 'Not found.',
  429: 'Too many requests; wait a moment and try again.',
  503: 'The server cannot reach its store right now; try again in a moment.',
};

const CODES: Partial<Record<number, ErrorCode>> = { 400: 'INVALID', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 410: 'DELETED', 429: 'RATE_LIMITED' };

/** A refusal from the HTTP API in the protocol's terms: a stable code, and the server's own message when it sent one. */
export class HttpError extends Error implements AckError {
  constructor(
    /** The HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

function wordFor(status: number, wording: HttpWording): string {
  return wording[status] ?? WORDING[status] ?? `The server answered ${status}. Try again in a moment.`;
}

/** The refusal an unsuccessful response stands for: the body's `{ error: { code, message } }` where it has one. */
async function responseError(res: Response, wording: HttpWording = {}): Promise<HttpError> {
  let code: ErrorCode = CODES[res.status] ?? 'UNAVAILABLE';
  let message = wordFor(res.status, wording);
  let retryAfterMs: number | undefined;
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown; retryAfterMs?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code as ErrorCode;
    if (typeof body.error?.message === 'string' && body.error.message) message = body.error.message;
    if (typeof body.error?.retryAfterMs === 'number') retryAfterMs = body.error.retryAfterMs;
  } catch {
    // Not JSON (a proxy's error page, say): the status says enough.
  }
  return new HttpError(res.status, code, message, retryAfterMs);
}

/** `fetch` that resolves only with a successful response and otherwise throws an HttpError. */
export async function request(input: string, init: RequestInit = {}, wording: HttpWording = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(input, init);
  } catch {
    throw new HttpError(0, 'UNAVAILABLE', wordFor(0, wording));
  }
  if (!res.ok) throw await responseError(res, wording);
  return res;
}

/** A refusal as an acknowledgement's error: an HttpError as it is, anything else as an unreachable server. */
export function ackErrorOf(error: unknown, wording: HttpWording = {}): AckError {
  if (error instanceof HttpError) {
    return { code: error.code, message: error.message, ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }) };
  }
  return { code: 'UNAVAILABLE', message: wordFor(0, wording) };
}

/** What to show for a failed request: the refusal's message, or the caller's words for anything unexpected. */
export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof HttpError ? error.message : fallback;
}

/**
 * The file name a server suggests in Content-Disposition (RFC 6266): `filename*` (RFC 8187, UTF-8)
 * first, then `filename`, quoted or not. Only ever a name, never a path; the fallback otherwise.
 */
export function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  let name: string | null = null;
  const extended = /(?:^|;)\s*filename\*\s*=\s*utf-8'[^']*'([^;\s]+)/i.exec(disposition);
  if (extended) {
    try {
      name = decodeURIComponent(extended[1]!);
    } catch {
      name = null;
    }
  }
  if (!name) {
    const quoted = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(disposition);
    name = quoted ? quoted[1]!.replace(/\\(.)/g, '$1') : (/(?:^|;)\s*filename\s*=\s*([^;\s"]+)/i.exec(disposition)?.[1] ?? null);
  }
  // eslint-disable-next-line no-control-regex
  const clean = name?.split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean && clean !== '.' && clean !== '..' ? clean : fallback;
}

/** Fetch a file: its content (retyped when `type` is given) and the name the server suggests, or `fallbackName`. */
export async function fetchFile(
  input: string,
  init: RequestInit,
  fallbackName: string,
  options: { wording?: HttpWording; type?: string } = {},
): Promise<{ blob: Blob; filename: string }> {
  const res = await request(input, init, options.wording);
  const body = await res.blob();
  const blob = options.type ? new Blob([body], { type: options.type }) : body;
  return { blob, filename: filenameFrom(res.headers.get('content-disposition'), fallbackName) };
}
