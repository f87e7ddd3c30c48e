import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from '@leadboard/client';
import { createWorkshop, deleteWorkshop, fetchExport } from './api.js';

afterEach(() => vi.unstubAllGlobals());

function respond(status: number, body: BodyInit | null, headers: Record<string, string> = {}) {
  const fetch = vi.fn(async () => new Response(body, { status, headers }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('fetchExport', () => {
  it('sends the facilitator key and names the file from the answer', async () => {
    const fetch = respond(200, 'a,b\n', { 'content-disposition': 'attachment; filename="leadboard-ABC234-votes.csv"' });
    const { blob, filename } = await fetchExport('ABC234', 'secret', 'csv-votes');
    expect(fetch).toHaveBeenCalledWith('/api/workshops/ABC234/export?format=csv&table=votes', { headers: { authorization: 'Bearer secret' } });
    expect(filename).toBe('leadboard-ABC234-votes.csv');
    expect(await blob.text()).toBe('a,b\n');
  });

  it('falls back to a name per format', async () => {
    respond(200, '<svg/>');
    expect((await fetchExport('ABC234', 'k', 'svg')).filename).toBe('leadboard-ABC234.svg');
    respond(200, '{}');
    expect((await fetchExport('ABC234', 'k', 'deck')).filename).toBe('leadboard-ABC234.deck.json');
  });

  it('turns a refusal into the server’s message, or the console’s words for its status', async () => {
    respond(403, JSON.stringify({ error: { code: 'FORBIDDEN', message: 'This key does not control this workshop.' } }), { 'content-type': 'application/json' });
    await expect(fetchExport('ABC234', 'k', 'md')).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN', message: 'This key does not control this workshop.' });
    respond(403, '<html>Forbidden</html>');
    await expect(fetchExport('ABC234', 'k', 'md')).rejects.toMatchObject({ message: 'This laptop’s facilitator key does not control this workshop.' });
    respond(404, '');
    await expect(fetchExport('ABC234', 'k', 'md')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'This workshop no longer exists.' });
  });

  it('says so when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const error = await fetchExport('ABC234', 'k', 'json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 0, code: 'UNAVAILABLE', message: 'Could not reach the server. Check the connection and try again.' });
  });
});

describe('create and delete', () => {
  it('posts the form as JSON and deletes with the key', async () => {
    const created = { code: 'ABC234', facilitatorToken: 'f', stageToken: 's', facilitatorUrl: '', joinUrl: '', stageUrl: '' };
    const fetch = respond(201, JSON.stringify(created));
    expect(await createWorkshop({ title: 'T', teams: ['A', 'B'], deck: true })).toEqual(created);
    expect(fetch.mock.calls[0]).toEqual(['/api/workshops', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"T","teams":["A","B"],"deck":true}' }]);
    const del = respond(204, null);
    await deleteWorkshop('ABC234', 'f');
    expect(del).toHaveBeenCalledWith('/api/workshops/ABC234', { method: 'DELETE', headers: { authorization: 'Bearer f' } });
  });
});
