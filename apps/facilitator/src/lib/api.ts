import type { CreateWorkshopInput } from '@leadboard/core';

export interface CreatedWorkshop {
  code: string;
  facilitatorToken: string;
  stageToken: string;
  facilitatorUrl: string;
  joinUrl: string;
  stageUrl: string;
}

/** A refusal from the HTTP API, with the server's own message when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const STATUS_TEXT: Record<number, string> = {
  401: 'The facilitator key is missing.',
  403: 'This laptop’s facilitator key does not control this workshop.',
  404: 'This workshop no longer exists.',
  429: 'Too many requests; wait a moment and try again.',
  503: 'The server cannot reach its store right now; try again in a moment.',
};

async function refusal(res: Response): Promise<ApiError> {
  let code = 'HTTP_' + res.status;
  let message = STATUS_TEXT[res.status] ?? `The server answered ${res.status}.`;
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string' && body.error.message) message = body.error.message;
  } catch {
    // Not JSON (a proxy's error page, say): the status text above says enough.
  }
  return new ApiError(res.status, code, message);
}

async function request(input: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(input, init);
  } catch {
    throw new ApiError(0, 'OFFLINE', 'Could not reach the server. Check the connection and try again.');
  }
  if (!res.ok) throw await refusal(res);
  return res;
}

export async function createWorkshop(body: CreateWorkshopInput): Promise<CreatedWorkshop> {
  const res = await request('/api/workshops', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as CreatedWorkshop;
}

/** A new workshop from a JSON export: everything (`continue`) or its teams and cards (`template`). */
export async function importWorkshop(doc: unknown, mode: 'continue' | 'template'): Promise<CreatedWorkshop> {
  const res = await request(`/api/workshops/import?mode=${mode}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  });
  return (await res.json()) as CreatedWorkshop;
}

export async function deleteWorkshop(code: string, token: string): Promise<void> {
  await request(`/api/workshops/${code}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
}

/** The export formats the console offers, as query strings for `GET /api/workshops/:code/export`. */
export const EXPORTS = [
  { id: 'json', label: 'JSON', detail: 'Everything, to re-import later', query: 'format=json', ext: 'json' },
  { id: 'csv', label: 'CSV · scenarios', detail: 'One row per scenario', query: 'format=csv', ext: 'csv' },
  { id: 'csv-votes', label: 'CSV · votes', detail: 'One row per vote', query: 'format=csv&table=votes', ext: 'votes.csv' },
  { id: 'md', label: 'Markdown', detail: 'A readable summary', query: 'format=md', ext: 'md' },
  { id: 'svg', label: 'SVG', detail: 'The board as a picture', query: 'format=svg', ext: 'svg' },
  { id: 'png', label: 'PNG', detail: 'The board as an image', query: 'format=png', ext: 'png' },
  { id: 'deck', label: 'Cards as a deck', detail: 'To load into your next workshop', query: 'format=deck', ext: 'deck.json' },
] as const;

export type ExportId = (typeof EXPORTS)[number]['id'];

/** The file name a server suggests in Content-Disposition (RFC 6266, `filename*` first), or the fallback. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  let name: string | null = null;
  if (extended) {
    try {
      name = decodeURIComponent(extended[1]!.trim());
    } catch {
      name = null;
    }
  }
  if (!name) name = /filename\s*=\s*"([^"]*)"/.exec(disposition)?.[1] ?? /filename\s*=\s*([^;\s]+)/.exec(disposition)?.[1] ?? null;
  // A file name, never a path.
  const clean = name?.split(/[\\/]/).pop()?.trim();
  return clean || fallback;
}

export async function fetchExport(code: string, token: string, id: ExportId): Promise<{ blob: Blob; filename: string }> {
  const kind = EXPORTS.find((e) => e.id === id)!;
  const res = await request(`/api/workshops/${code}/export?${kind.query}`, { headers: { authorization: `Bearer ${token}` } });
  const blob = await res.blob();
  return { blob, filename: filenameFrom(res.headers.get('content-disposition'), `leadboard-${code}.${kind.ext}`) };
}

/** Hand a blob to the browser as a download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
