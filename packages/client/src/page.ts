// What needs a browser page (a document and a window), kept out of the main entry so Node can import it.
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

/** Hand a blob to the browser as a download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
