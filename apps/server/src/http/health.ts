import { Router } from 'express';
import type { RoomStore } from '../store/types.js';

export function healthRoutes(store: RoomStore, isDraining: () => boolean): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  router.get('/readyz', async (_req, res) => {
    if (isDraining()) return res.status(503).json({ ok: false, store: store.kind, reason: 'shutting down' });
    try {
      await store.ping();
      res.json({ ok: true, store: store.kind });
    } catch {
      res.status(503).json({ ok: false, store: store.kind, reason: 'store unreachable' });
    }
  });
  return router;
}
