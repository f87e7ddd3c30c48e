import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createWorkshop, deleteWorkshop, fetchExport, filenameFrom } from './api.js';

afterEach(() => vi.unstubAllGlobals());

function respond(status: number, body: BodyInit | null, headers: Record<string, string> = {}) {
  const fetch = vi.fn(async () => new Response(body, { status, headers }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('filenameFrom', () => {
  it('prefers filename*, then filename, and never returns a path', () => {
    expect(filenameFrom(`attachment; filename="a.csv"; filename*=UTF-8''r%C3%A9sum%C3%A9.csv`, 'x')).toBe('résumé.csv');
    expect(filenameFrom('attachment; filename="leadboard-ABC234.md"', 'x')).toBe('leadboard-ABC234.md');
    expect(filenameFrom('attachment; filename=board.svg', 'x')).toBe('board.svg');
    expect(filenameFrom('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd');
    expect(filenameFrom(null, 'fallback.json')).toBe('fallback.json');
    expect(filenameFrom('attachment', 'fallback.json')).toBe('fallback.json');
  });
});

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
  });

  it('turns a refusal into the server’s message, or a plain one', async () => {
    respond(403, JSON.stringify({ error: { code: 'FORBIDDEN', message: 'This key does not control this workshop.' } }), { 'content-type': 'application/json' });
    await expect(fetchExport('ABC234', 'k', 'md')).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN', message: 'This key does not control this workshop.' });
    respond(502, '<html>Bad gateway</html>');
    await expect(fetchExport('ABC234', 'k', 'png')).rejects.toMatchObject({ status: 502, message: 'The server answered 502.' });
  });

  it('says so when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const error = await fetchExport('ABC234', 'k', 'json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('OFFLINE');
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
