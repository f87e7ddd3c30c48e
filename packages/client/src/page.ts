import type { LiveSession } from './session.js';

/** Wire a session to the page: check the connection when the phone wakes up or comes back online. */
export function followPageLifecycle(session: LiveSession): () => void {
  const onVisible = () => {
    if (document.visibilityState === 'visible') session.wake();
  };
  const onOnline = () => session.wake();
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('online', onOnline);
  window.addEventListener('pageshow', onOnline);
  return () => {
    document.removeEventListener('visibilitychange', onVisible);
    window.removeEventListener('online', onOnline);
    window.removeEventListener('pageshow', onOnline);
  };
}
