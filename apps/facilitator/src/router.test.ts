import { describe, expect, it } from 'vitest';
import { createMemoryHistory, type RouteLocationNormalizedLoaded, type RouteRecordNormalized } from 'vue-router';
import { identities, MemoryStorage } from '@leadboard/client';
import { createAppRouter, pageKey } from './router.js';
import NotFound from './shared/NotFound.vue';

async function open(path: string, storage = new MemoryStorage()) {
  const router = createAppRouter(createMemoryHistory('/host/'), storage);
  await router.push(path);
  const route = router.currentRoute.value;
  return { router, route, storage, props: propsOf(route) };
}

function propsOf(route: RouteLocationNormalizedLoaded): unknown {
  const record: RouteRecordNormalized | undefined = route.matched[0];
  const props = record?.props.default;
  return typeof props === 'function' ? props(route) : props;
}

/** The page a route shows: its chunk loaded, as the router would. */
async function pageOf(route: RouteLocationNormalizedLoaded): Promise<unknown> {
  const component = route.matched[0]!.components!.default!;
  return typeof component === 'function' ? ((await (component as () => Promise<{ default: unknown }>)()).default) : component;
}

describe('the facilitator app’s routes', () => {
  it.each([
    ['/', 'start', false, './start/StartPage.vue'],
    ['/ABC234', 'console', { code: 'ABC234' }, './console/ConsolePage.vue'],
    ['/abc-234', 'console', { code: 'ABC234' }, './console/ConsolePage.vue'],
    ['/oab1l2', 'console', { code: '0AB112' }, './console/ConsolePage.vue'],
    ['/ABC234/stage', 'stage', { code: 'ABC234' }, './stage/StagePage.vue'],
    ['/ABC234/report', 'report', { code: 'ABC234' }, './report/ReportPage.vue'],
  ])('%s opens the %s page', async (path, name, props, file) => {
    const { route, props: given } = await open(path);
    expect(route.name).toBe(name);
    expect(given).toEqual(props);
    expect(await pageOf(route)).toBe((await import(/* @vite-ignore */ file)).default);
  });

  it('takes /host without its slash for the start page', async () => {
    history.replaceState(null, '', '/host');
    const router = createAppRouter(undefined, new MemoryStorage());
    await router.push(router.options.history.location);
    expect(router.currentRoute.value.name).toBe('start');
  });

  it.each([
    ['/ABC234/other', '/host/ABC234/other'],
    ['/TOOLONGCODE', '/host/TOOLONGCODE'],
    ['/AB', '/host/AB'],
    ['/TOOLONGCODE/stage', '/host/TOOLONGCODE/stage'],
    ['/a/b/c/d', '/host/a/b/c/d'],
  ])('%s is not a page: it says so, at the same address', async (path, shown) => {
    const { route, props } = await open(path);
    expect(route.name).toBe('missing');
    expect(route.fullPath).toBe(path);
    expect(props).toEqual({ path: shown });
    expect(await pageOf(route)).toBe(NotFound);
  });
});

describe('keys in a link', () => {
  it('keeps a facilitator link’s keys and drops them from the address', async () => {
    const { route, storage, props } = await open('/abc234#key=fac%2F1&stage=stg');
    expect(route.name).toBe('console');
    expect(route.fullPath).toBe('/abc234');
    expect(route.hash).toBe('');
    expect(props).toEqual({ code: 'ABC234' });
    expect(identities.facilitator(storage, 'ABC234')).toBe('fac/1');
    expect(identities.stageKey(storage, 'ABC234')).toBe('stg');
  });

  it('keeps a stage link’s key as the stage key, never as the facilitator’s', async () => {
    const { route, storage } = await open('/ABC234/stage#key=stg');
    expect(route.fullPath).toBe('/ABC234/stage');
    expect(identities.stageKey(storage, 'ABC234')).toBe('stg');
    expect(identities.facilitator(storage, 'ABC234')).toBeNull();
  });

  it('picks up a pasted link that only changes the fragment, and opens the page afresh with it', async () => {
    const storage = new MemoryStorage();
    const { router, route } = await open('/ABC234', storage);
    const before = pageKey(route);
    expect(identities.facilitator(storage, 'ABC234')).toBeNull();
    await router.push('/ABC234#key=fac');
    const after = router.currentRoute.value;
    expect(after.fullPath).toBe('/ABC234');
    expect(identities.facilitator(storage, 'ABC234')).toBe('fac');
    expect(pageKey(after)).not.toBe(before);
    // Without new keys the page stays as it is.
    await router.push('/ABC234#section');
    expect(pageKey(router.currentRoute.value)).toBe(pageKey(after));
  });

  it('keeps nothing from a fragment on pages that take no keys', async () => {
    const { route, storage } = await open('/ABC234/report#key=fac');
    expect(route.name).toBe('report');
    expect(identities.facilitator(storage, 'ABC234')).toBeNull();
    const missing = await open('/TOOLONGCODE#key=fac');
    expect(missing.route.name).toBe('missing');
    expect(identities.facilitator(missing.storage, 'TOOLONGCODE')).toBeNull();
  });
});
