import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { identities } from '@leadboard/client';
import type { FakeSession } from '@leadboard/client/testing';
import { connectedRoom } from '../test/session.js';
import { setLanguage } from '../i18n/index.js';
import { useWorkshopStore } from './workshop.js';

let fake: FakeSession;

beforeEach(() => {
  setActivePinia(createPinia());
  fake = connectedRoom().session;
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await setLanguage('en');
});

describe('workshop store: exports', () => {
  it('downloads a file named by the server, showing the pending state meanwhile', async () => {
    let release!: (res: Response) => void;
    const fetch = vi.fn(() => new Promise<Response>((resolve) => (release = resolve)));
    vi.stubGlobal('fetch', fetch);
    const save = vi.fn();
    const workshop = useWorkshopStore();
    const done = workshop.download('md', save);
    expect(workshop.exporting.md).toBe(true);
    expect(fetch).toHaveBeenCalledWith('/api/workshops/ABC234/export?format=md', { headers: { authorization: 'Bearer key' } });
    release(new Response('# Report', { status: 200, headers: { 'content-disposition': 'attachment; filename="leadboard-ABC234.md"' } }));
    expect(await done).toBe(true);
    expect(workshop.exporting.md).toBe(false);
    expect(save).toHaveBeenCalledWith(expect.any(Blob), 'leadboard-ABC234.md');
    expect(workshop.lastExport).toBe('leadboard-ABC234.md');
  });

  it('shows a clear error when the server refuses, and saves nothing', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'INVALID', message: 'The png export is not available on this server.' } }), { status: 400 })));
    const save = vi.fn();
    const workshop = useWorkshopStore();
    expect(await workshop.download('png', save)).toBe(false);
    expect(workshop.exportErrors.png).toBe('The png export is not available on this server.');
    expect(save).not.toHaveBeenCalled();
  });
});

describe('workshop store: refusals in the language on screen', () => {
  const refuse = (status: number, code: string, message: string) => vi.fn(async () => new Response(JSON.stringify({ error: { code, message } }), { status }));

  it('in German, words a refusal by its HTTP status where the console has words for it, else by its code', async () => {
    await setLanguage('de');
    const workshop = useWorkshopStore();
    vi.stubGlobal('fetch', refuse(403, 'FORBIDDEN', 'This key does not control this workshop.'));
    expect(await workshop.remove()).toBe(false);
    expect(workshop.deleteError).toBe('Der Moderationsschlüssel auf diesem Laptop gehört nicht zu diesem Workshop.');
    vi.stubGlobal('fetch', refuse(400, 'INVALID', 'The png export is not available on this server.'));
    expect(await workshop.download('png', vi.fn())).toBe(false);
    expect(workshop.exportErrors.png).toBe('Das wurde nicht angenommen: Prüf deine Eingabe.');
  });

  it('in English, keeps the server’s own message', async () => {
    const workshop = useWorkshopStore();
    vi.stubGlobal('fetch', refuse(403, 'FORBIDDEN', 'This key does not control this workshop.'));
    expect(await workshop.remove()).toBe(false);
    expect(workshop.deleteError).toBe('This key does not control this workshop.');
  });
});

describe('workshop store: delete', () => {
  it('deletes with the key, forgets it on this browser and disconnects', async () => {
    localStorage.clear();
    identities.saveFacilitator(localStorage, 'ABC234', 'key');
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    const workshop = useWorkshopStore();
    expect(await workshop.remove()).toBe(true);
    expect(fetch).toHaveBeenCalledWith('/api/workshops/ABC234', { method: 'DELETE', headers: { authorization: 'Bearer key' } });
    expect(workshop.deleted).toBe(true);
    expect(identities.facilitator(localStorage, 'ABC234')).toBeNull();
    expect(fake.stops).toBe(1);
  });

  it('keeps everything when the delete is refused', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'FORBIDDEN', message: 'This key does not control this workshop.' } }), { status: 403 })));
    const workshop = useWorkshopStore();
    expect(await workshop.remove()).toBe(false);
    expect(workshop.deleted).toBe(false);
    expect(workshop.deleteError).toBe('This key does not control this workshop.');
    expect(fake.stops).toBe(0);
  });
});
