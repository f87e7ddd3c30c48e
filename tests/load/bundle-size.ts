import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * What a phone or a laptop downloads before the app starts: the scripts and stylesheets that the
 * built index.html loads (entry and modulepreload links), measured raw and gzipped (zlib's default
 * level, as Vite's build report does), next to everything the build holds.
 */
const appsDir = fileURLToPath(new URL('../../apps/', import.meta.url));
const TARGET_PARTICIPANT_JS_GZIP = 90 * 1024;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(file)).length;

function sizes(files: string[]) {
  return files.reduce((sum, f) => ({ raw: sum.raw + statSync(f).size, gzip: sum.gzip + gz(f) }), { raw: 0, gzip: 0 });
}

const rows: string[] = [];
for (const app of ['participant', 'facilitator']) {
  const dist = join(appsDir, app, 'dist');
  const indexFile = join(dist, 'index.html');
  if (!existsSync(indexFile)) {
    rows.push(`| ${app} | not built (no apps/${app}/dist/index.html) | | | |`);
    continue;
  }
  const html = readFileSync(indexFile, 'utf8');
  // The apps are served under / and /host/: map each URL in index.html to its file in dist.
  const local = (url: string) => join(dist, url.replace(/^(\/host)?\//, ''));
  const scripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => local(m[1]!));
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => local(m[1]!));
  const assets = join(dist, 'assets');
  const all = existsSync(assets) ? readdirSync(assets).map((f) => join(assets, f)) : [];
  const initialJs = sizes(scripts);
  const initialCss = sizes(styles);
  const allJs = sizes(all.filter((f) => f.endsWith('.js')));
  const built = new Date(statSync(indexFile).mtime).toISOString();
  rows.push(`| ${app} | ${kb(initialJs.raw)} / ${kb(initialJs.gzip)} | ${kb(initialCss.raw)} / ${kb(initialCss.gzip)} | ${kb(allJs.raw)} / ${kb(allJs.gzip)} (${all.filter((f) => f.endsWith('.js')).length} files) | ${built} |`);
  if (app === 'participant') {
    rows.push(`|  | target: initial JS ≤ ${kb(TARGET_PARTICIPANT_JS_GZIP)} gzip — ${initialJs.gzip <= TARGET_PARTICIPANT_JS_GZIP ? 'met' : '**not met**'} | | | |`);
  }
}
process.stdout.write([
  '| app | initial JS raw / gzip | initial CSS raw / gzip | all JS raw / gzip | dist built at |',
  '| --- | --- | --- | --- | --- |',
  ...rows,
].join('\n') + '\n');
