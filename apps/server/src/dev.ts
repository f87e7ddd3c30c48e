import type { Express } from 'express';
import type { Server } from 'node:http';
import { resolve } from 'node:path';

/** Development only: both apps through Vite, with hot reload, on the server's own port. */
export async function mountDevApps(app: Express, httpServer: Server, appsRoot: string): Promise<void> {
  const { createServer } = await import('vite');
  const facilitator = await createServer({
    root: resolve(appsRoot, 'facilitator'),
    server: { middlewareMode: true, hmr: { server: httpServer, path: '/__hmr/host' } },
    appType: 'spa',
  });
  const participant = await createServer({
    root: resolve(appsRoot, 'participant'),
    server: { middlewareMode: true, hmr: { server: httpServer, path: '/__hmr/join' } },
    appType: 'spa',
  });
  app.use('/host', (req, res, next) => {
    req.url = `/host${req.url}`;
    facilitator.middlewares(req, res, next);
  });
  app.use(participant.middlewares);
}
