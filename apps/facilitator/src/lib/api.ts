import { fetchFile, request, type HttpWording } from '@leadboard/client';
import type { CreatedWorkshop, CreateWorkshopInput } from '@leadboard/core';
import { i18n } from '../i18n/index.js';

/** Statuses the console words itself when the server did not explain (0: the server could not be reached). */
const HTTP_STATUSES = [0, 401, 403, 404, 429, 500, 502, 503, 504] as const;

/** The console's words for those refusals, in the language on screen. */
function wording(): HttpWording {
  const { t } = i18n.global;
  return Object.fromEntries(HTTP_STATUSES.map((status) => [status, t(`http.${status}`)]));
}

export async function createWorkshop(body: CreateWorkshopInput): Promise<CreatedWorkshop> {
  const res = await request('/api/workshops', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, wording());
  return (await res.json()) as CreatedWorkshop;
}

/** A new workshop from a JSON export: everything (`continue`) or its teams and cards (`template`). */
export async function importWorkshop(doc: unknown, mode: 'continue' | 'template'): Promise<CreatedWorkshop> {
  const res = await request(`/api/workshops/import?mode=${mode}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(doc) }, wording());
  return (await res.json()) as CreatedWorkshop;
}

export async function deleteWorkshop(code: string, token: string): Promise<void> {
  await request(`/api/workshops/${code}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } }, wording());
}

/** The export formats the console offers, as query strings for `GET /api/workshops/:code/export` (their names are in the catalogue under `exports.<id>`). */
export const EXPORTS = [
  { id: 'json', query: 'format=json', ext: 'json' },
  { id: 'csv', query: 'format=csv', ext: 'csv' },
  { id: 'csv-votes', query: 'format=csv&table=votes', ext: 'votes.csv' },
  { id: 'md', query: 'format=md', ext: 'md' },
  { id: 'svg', query: 'format=svg', ext: 'svg' },
  { id: 'png', query: 'format=png', ext: 'png' },
  { id: 'deck', query: 'format=deck', ext: 'deck.json' },
] as const;

export type ExportId = (typeof EXPORTS)[number]['id'];

export function fetchExport(code: string, token: string, id: ExportId): Promise<{ blob: Blob; filename: string }> {
  const kind = EXPORTS.find((e) => e.id === id)!;
  return fetchFile(`/api/workshops/${code}/export?${kind.query}`, { headers: { authorization: `Bearer ${token}` } }, `leadboard-${code}.${kind.ext}`, { wording: wording() });
}
