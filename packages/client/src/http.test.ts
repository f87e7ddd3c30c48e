import { afterEach, describe, expect, it, vi } from 'vitest';
import { ackErrorOf, errorMessage, fetchFile, filenameFrom, HttpError, request } from './http.js';
import { saveBlob } from './page.js';

afterEach(() => vi.unstubAllGlobals());

function respond(status: number, body: BodyInit | null, headers: Record<string, string> = {}) {
  const fetch = vi.fn(async () => new Response(body, { status, headers }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const refusal = (code: string, message: string, extra: object = {}) => JSON.stringify({ error: { code, message, ...extra } });

describe('filenameFrom (RFC 6266)', () => {
  it.each([
    ['attachment; filename="a.csv"; filename*=UTF-8\'\'r%C3%A9sum%C3%A9.csv', 'résumé.csv'],
    ['attachment; filename*=utf-8\'en\'%E2%82%AC%20rates.md; filename="EUR rates.md"', '€ rates.md'],
    ['attachment; filename="leadboard-ABC234.md"', 'leadboard-ABC234.md'],
    ['attachment; filename=board.svg', 'board.svg'],
    ['attachment; filename="with \\"quotes\\".txt"', 'with "quotes".txt'],
    ['attachment; filename="a;b.txt"', 'a;b.txt'],
    ['attachment;filename=tight.json', 'tight.json'],
    ['ATTACHMENT; FILENAME="upper.csv"', 'upper.csv'],
  ])('%s → %s', (disposition, name) => {
    expect(filenameFrom(disposition, 'fallback')).toBe(name);
  });

  it.each([
    [null],
    ['attachment'],
    ['attachment; filename=""'],
    ['attachment; filename="../"'],
    ['attachment; filename=".."'],
    // Broken percent-encoding and a charset other than UTF-8 fall back to filename, here missing.
    ["attachment; filename*=UTF-8''%E0%A4%A"],
    ["attachment; filename*=ISO-8859-1''caf%E9.txt"],
  ])('falls back for %s', (disposition) => {
    expect(filenameFrom(disposition, 'fallback.json')).toBe('fallback.json');
  });

  it('never returns a path, and drops control characters', () => {
    expect(filenameFrom('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd');
    expect(filenameFrom('attachment; filename="C:\\\\temp\\\\evil.bat"', 'x')).toBe('evil.bat');
    expect(filenameFrom("attachment; filename*=UTF-8''..%2F..%2Fsecret.txt", 'x')).toBe('secret.txt');
    expect(filenameFrom("attachment; filename*=UTF-8''a%0Ab.txt", 'x')).toBe('ab.txt');
  });

  it('prefers filename* wherever it stands', () => {
    expect(filenameFrom("attachment; filename*=UTF-8''first.txt; filename=\"second.txt\"", 'x')).toBe('first.txt');
  });
});

describe('request', () => {
  it('resolves with a successful response', async () => {
    const fetch = respond(200, 'ok');
    const res = await request('/api/x', { method: 'POST' });
    expect(await res.text()).toBe('ok');
    expect(fetch).toHaveBeenCalledWith('/api/x', { method: 'POST' });
  });

  it('throws the server’s own code and message, with its retry hint', async () => {
    respond(429, refusal('RATE_LIMITED', 'Slow down.', { retryAfterMs: 3000 }));
    await expect(request('/api/x')).rejects.toMatchObject({ status: 429, code: 'RATE_LIMITED', message: 'Slow down.', retryAfterMs: 3000 });
  });

  it('words a refusal the server did not explain by its status, in the caller’s words where given', async () => {
    respond(403, '<html>Forbidden</html>');
    await expect(request('/api/x', {}, { 403: 'Not yours.' })).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN', message: 'Not yours.' });
    respond(404, '');
    await expect(request('/api/x')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Not found.' });
    respond(503, JSON.stringify({ error: { code: 'UNAVAILABLE' } }));
    await expect(request('/api/x')).rejects.toMatchObject({ code: 'UNAVAILABLE', message: 'The server cannot reach its store right now; try again in a moment.' });
    respond(502, '<html>Bad gateway</html>');
    await expect(request('/api/x')).rejects.toMatchObject({ status: 502, code: 'UNAVAILABLE', message: 'The server answered 502. Try again in a moment.' });
  });

  it('says so when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const error = await request('/api/x', {}, { 0: 'Offline.' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 0, code: 'UNAVAILABLE', message: 'Offline.' });
  });
});

describe('turning a failure into words', () => {
  it('keeps a refusal’s code and message, and calls anything else an unreachable server', () => {
    expect(ackErrorOf(new HttpError(404, 'NOT_FOUND', 'Gone.'))).toEqual({ code: 'NOT_FOUND', message: 'Gone.' });
    expect(ackErrorOf(new HttpError(429, 'RATE_LIMITED', 'Wait.', 500))).toEqual({ code: 'RATE_LIMITED', message: 'Wait.', retryAfterMs: 500 });
    expect(ackErrorOf(new Error('boom'), { 0: 'Offline.' })).toEqual({ code: 'UNAVAILABLE', message: 'Offline.' });
    expect(errorMessage(new HttpError(403, 'FORBIDDEN', 'No.'), 'Try again.')).toBe('No.');
    expect(errorMessage(new Error('internal detail'), 'Try again.')).toBe('Try again.');
  });
});

describe('downloads', () => {
  it('fetches a file named by the server, or by the fallback, retyped when asked', async () => {
    respond(200, '# Mine', { 'content-disposition': 'attachment; filename="leadboard-ABC234-summary.md"' });
    const named = await fetchFile('/api/f', {}, 'fallback.md', { type: 'text/markdown;charset=utf-8' });
    expect(named.filename).toBe('leadboard-ABC234-summary.md');
    expect(named.blob.type).toBe('text/markdown;charset=utf-8');
    expect(await named.blob.text()).toBe('# Mine');
    respond(200, '<svg/>');
    expect((await fetchFile('/api/f', {}, 'board.svg')).filename).toBe('board.svg');
  });

  it('hands a blob to the browser through a link it clicks and removes', () => {
    const link = { href: '', download: '', rel: '', click: vi.fn(), remove: vi.fn() };
    const append = vi.fn();
    vi.stubGlobal('document', { createElement: () => link, body: { append } });
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:1');
    saveBlob(new Blob(['x']), 'a.txt');
    expect(link).toMatchObject({ href: 'blob:1', download: 'a.txt', rel: 'noopener' });
    expect(append).toHaveBeenCalledWith(link);
    expect(link.click).toHaveBeenCalledOnce();
    expect(link.remove).toHaveBeenCalledOnce();
    createObjectURL.mockRestore();
  });
});
