import { ref } from 'vue';
import { parseRoute, type Route } from './lib/route.js';

/** The current page, kept in step with the address bar. */
export const currentRoute = ref<Route>(parseRoute(location.pathname, location.hash));

const follow = () => {
  currentRoute.value = parseRoute(location.pathname, location.hash);
};
window.addEventListener('popstate', follow);
// A facilitator link pasted over the same address changes only the fragment: no reload, so listen.
window.addEventListener('hashchange', follow);

/** Go to another page of this app without reloading. */
export function navigate(path: string): void {
  history.pushState(null, '', path);
  currentRoute.value = parseRoute(location.pathname, location.hash);
}

/** Take secrets out of the address bar once they are saved, so they do not end up on a shared screen. */
export function dropFragment(): void {
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
}
