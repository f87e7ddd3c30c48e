import type { RequestHandler } from 'express';
import { existsSync, readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

function walk(root: string, dir = root, out = new Set<string>()): Set<string> {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(root, path, out);
    else out.add(relative(root, path).split(sep).join('/'));
  }
  return out;
}

/**
 * Send the .br or .gz twin of a built file (written by scripts/precompress.mjs) to a browser that
 * accepts it: phones on venue wifi download a third of the bytes, and nothing is compressed per
 * request. Files are listed once at start-up; anything else falls through to the static handler.
 */
export function precompressed(root: string, cache: { maxAge: string; immutable: boolean }): RequestHandler {
  const files = walk(root);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const path = req.path.replace(/^\/+/, '');
    if (!files.has(path)) return next();
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const choice = ENCODINGS.find(([name, suffix]) => new RegExp(`\\b${name}\\b`).test(accepted) && files.has(`${path}${suffix}`));
    res.vary('Accept-Encoding');
    if (!choice) return next();
    res.type(extname(path));
    res.setHeader('Content-Encoding', choice[0]);
    res.sendFile(`${path}${choice[1]}`, { root, maxAge: cache.maxAge, immutable: cache.immutable, dotfiles: 'deny' }, (error) => {
      if (error) next(error);
    });
  };
}
