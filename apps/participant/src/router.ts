import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router';
import { linkSecrets } from '@leadboard/client';
import { isValidCode, normalizeCode } from '@leadboard/core';
import PhonePage from './screens/PhonePage.vue';

/** The room code in an address, read the way people type codes; '' when it cannot be one. */
function codeOf(to: RouteLocationNormalized): string {
  const code = normalizeCode(String(to.params.code ?? '')).slice(0, 32);
  return isValidCode(code) ? code : '';
}

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'join', component: PhonePage, props: { code: '' } },
  // A QR code's link fills in the code; a joined phone shows this address, so a reload comes back.
  { path: '/join/:code?', name: 'room', component: PhonePage, props: (to) => ({ code: codeOf(to) }) },
  {
    path: '/preview/:code',
    name: 'preview',
    // Only the facilitator opens the preview: phones never load it.
    component: () => import('./screens/PreviewPage.vue'),
    props: (to) => ({ code: codeOf(to), stageKey: linkSecrets(to.hash).key }),
    // Without a valid code and a stage key in the fragment it is no preview: the join form, with the code.
    beforeEnter: (to) => (codeOf(to) && linkSecrets(to.hash).key ? true : { name: 'room', params: codeOf(to) ? { code: codeOf(to) } : {}, replace: true }),
  },
  { path: '/:rest(.*)*', name: 'elsewhere', component: PhonePage, props: { code: '' } },
];

/** The phone's router: the join form, a room by its code, and the facilitator's preview of a phone. */
export function createAppRouter(history: RouterHistory = createWebHistory()): Router {
  return createRouter({ history, routes });
}
