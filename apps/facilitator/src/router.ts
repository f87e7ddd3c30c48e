import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteLocationNormalizedLoaded, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router';
import { browserStorage, identities, linkSecrets, type KeyValueStorage } from '@leadboard/client';
import { isValidCode, normalizeCode } from '@leadboard/core';
import NotFound from './shared/NotFound.vue';

/** Everything this app serves lives under this path (Vite's `base`). */
export const BASE = '/host/';

/** A room code as the address has it, read the way people type codes. */
const codeOf = (to: RouteLocationNormalized) => normalizeCode(String(to.params.code ?? ''));
const withCode = (to: RouteLocationNormalized) => ({ code: codeOf(to) });

// Each page is its own chunk: the projector never loads the console, the console never loads the print view.
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'start', component: () => import('./start/StartPage.vue') },
  { path: '/:code', name: 'console', component: () => import('./console/ConsolePage.vue'), props: withCode },
  { path: '/:code/stage', name: 'stage', component: () => import('./stage/StagePage.vue'), props: withCode },
  { path: '/:code/report', name: 'report', component: () => import('./report/ReportPage.vue'), props: withCode },
  { path: '/:rest(.*)*', name: 'missing', component: NotFound, props: (to) => ({ path: BASE.slice(0, -1) + to.path }) },
];

/** How many links have brought keys so far: a page opened by a new link starts afresh with them. */
let arrivals = 0;

/**
 * Keys arrive in the fragment (`/host/CODE#key=…&stage=…`, `/host/CODE/stage#key=…`): keep them
 * on this browser and take them out of the address bar at once, so they never end up on a shared
 * screen. The fragment is never a scroll anchor here: the router is given no scroll behaviour.
 */
function keepLinkKeys(to: RouteLocationNormalized, storage: KeyValueStorage): boolean {
  const { key, stage } = linkSecrets(to.hash);
  if (!key && !stage) return false;
  const code = codeOf(to);
  if (to.name === 'console') {
    if (key) identities.saveFacilitator(storage, code, key);
    if (stage) identities.saveStageKey(storage, code, stage);
  } else if (to.name === 'stage' && key) identities.saveStageKey(storage, code, key);
  else return false;
  arrivals++;
  return true;
}

/** The router: the start page, a workshop's console, stage and report by its code, and "nothing here". */
export function createAppRouter(history: RouterHistory = createWebHistory(BASE), storage: KeyValueStorage = browserStorage()): Router {
  const router = createRouter({ history, routes });
  router.beforeEach((to) => {
    if (to.params.code === undefined) return true;
    if (!isValidCode(codeOf(to))) {
      const rest = to.path.slice(1).split('/').map((part) => safeDecode(part));
      return { name: 'missing', params: { rest }, query: to.query, hash: to.hash, replace: true };
    }
    if (keepLinkKeys(to, storage)) return { path: to.path, query: to.query, hash: '', replace: true };
    return true;
  });
  return router;
}

/** The key a page is rendered with: a new path, or a new link with keys, opens it afresh. */
export function pageKey(route: RouteLocationNormalizedLoaded): string {
  return `${route.path}#${arrivals}`;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
