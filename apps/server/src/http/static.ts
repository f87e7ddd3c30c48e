import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { precompressed } from './precompressed.js';

export interface AppDirs {
  participant: string;
  facilitator: string;
}

/**
 * Serve the built apps: the console and stage under /host, the participant app everywhere else
 * (/, /join/CODE, and /preview/CODE that the console embeds). Hashed assets are cached for a year;
 * the HTML never.
 */
export function serveApps(app: Express, dirs: AppDirs): { participant: boolean; facilitator: boolean } {
  const found = { participant: existsSync(join(dirs.participant, 'index.html')), facilitator: existsSync(join(dirs.facilitator, 'index.html')) };
  const assets = { immutable: true, maxAge: '1y', index: false } as const;
  const html = (dir: string) => (_req: express.Request, res: express.Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  };
  if (found.facilitator) {
    app.use('/host', precompressed(dirs.facilitator, assets), express.static(dirs.facilitator, assets));
    app.get(['/host', '/host/{*rest}'], html(dirs.facilitator));
  }
  if (found.participant) {
    app.use(precompressed(dirs.participant, assets), express.static(dirs.participant, assets));
    app.get(['/', '/join', '/join/{*rest}', '/preview/{*rest}'], html(dirs.participant));
  }
  return found;
}
