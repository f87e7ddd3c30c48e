import { fetchFile, request, type HttpWording } from '@leadboard/client';
import type { CreatedWorkshop, CreateWorkshopInput } from '@leadboard/core';

/** The console's words for refusals the server did not explain. */
const WORDING: HttpWording = {
  401: 'The facilitator key is missing.',
  403: 'This laptop’s facilitator key does not control this workshop.',
  404: 'This workshop no longer exists.',
};

export async function createWorkshop(body: CreateWorkshopInput): Promise<CreatedWorkshop> {
  const res = await request('/api/workshops', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, WORDING);
  return (await res.json()) as CreatedWorkshop;
}

/** A new workshop from a JSON export: everything (`continue`) or its teams and cards (`template`). */
export async function importWorkshop(doc: unknown, mode: 'continue' | 'template'): Promise<CreatedWorkshop> {
  const res = await request(`/api/workshops/import?mode=${mode}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(doc) }, WORDING);
  return (await res.json()) as CreatedWorkshop;
}

export async function deleteWorkshop(code: string, token: string): Promise<void> {
  await request(`/api/workshops/${code}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } }, WORDING);
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

export function fetchExport(code: string, token: string, id: ExportId): Promise<{ blob: Blob; filename: string }> {
  const kind = EXPORTS.find((e) => e.id === id)!;
  return fetchFile(`/api/workshops/${code}/export?${kind.query}`, { headers: { authorization: `Bearer ${token}` } }, `leadboard-${code}.${kind.ext}`, { wording: WORDING });
}
