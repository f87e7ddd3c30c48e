import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, type RouteLocationNormalizedLoaded } from 'vue-router';
import { joinPath } from '@leadboard/client';
import { createAppRouter } from './router.js';
import PhonePage from './screens/PhonePage.vue';

afterEach(() => vi.restoreAllMocks());

async function open(path: string) {
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  const route = router.currentRoute.value;
  const props = route.matched[0]!.props.default;
  return { route, props: typeof props === 'function' ? props(route) : props };
}

async function pageOf(route: RouteLocationNormalizedLoaded): Promise<unknown> {
  const component = route.matched[0]!.components!.default!;
  return typeof component === 'function' ? (await (component as () => Promise<{ default: unknown }>)()).default : component;
}

describe('the phone app’s routes', () => {
  it.each([
    ['/', ''],
    ['/join', ''],
    ['/join/ab3k9z', 'AB3K9Z'],
    ['/join/AB3-K9Z', 'AB3K9Z'],
    ['/join/ABOL12', 'AB0112'],
    ['/join/TOOLONGCODE', ''],
    ['/elsewhere/AB3K9Z', ''],
    ['/AB3K9Z', ''],
  ])('%s is the join page with the code “%s”', async (path, code) => {
    const { route, props } = await open(path);
    expect(route.fullPath).toBe(path);
    expect(props).toEqual({ code });
    expect(await pageOf(route)).toBe(PhonePage);
  });

  it('reads a code it cannot decode as no code', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await open('/join/%E0%A4%A')).props).toEqual({ code: '' });
  });

  it('comes back to a joined phone’s address', async () => {
    const { route, props } = await open(joinPath('AB3K9Z'));
    expect(route.name).toBe('room');
    expect(props).toEqual({ code: 'AB3K9Z' });
  });

  it('opens the facilitator’s preview, a page of its own, with the stage key from the fragment', async () => {
    const { route, props } = await open('/preview/ab3k9z#key=s3cr3t-key_1');
    expect(route.name).toBe('preview');
    expect(props).toEqual({ code: 'AB3K9Z', stageKey: 's3cr3t-key_1' });
    expect(await pageOf(route)).toBe((await import('./screens/PreviewPage.vue')).default);
  });

  it.each([
    ['/preview/AB3K9Z', '/join/AB3K9Z', 'AB3K9Z'],
    ['/preview/AB3K9Z#key=', '/join/AB3K9Z', 'AB3K9Z'],
    ['/preview/TOOLONGCODE#key=k', '/join', ''],
  ])('%s is no preview: the join form at %s', async (path, shown, code) => {
    const { route, props } = await open(path);
    expect(route.fullPath).toBe(shown);
    expect(props).toEqual({ code });
  });
});
