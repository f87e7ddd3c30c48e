// The phone budget: the JavaScript a first visit loads (the entry and what it preloads), gzipped.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 90;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const initialJs = [
  ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
].map((m) => m[1]);
const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);

const gz = (files) =>
  files.map((file) => {
    const bytes = readFileSync(join(dist, file.replace(/^\//, '')));
    return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
  });
const kb = (bytes) => (bytes / 1024).toFixed(1);

const js = gz(initialJs);
const styles = gz(css);
const total = js.reduce((sum, f) => sum + f.gzip, 0);
for (const f of [...js, ...styles]) console.log(`  ${f.file}  ${kb(f.raw)} KB raw, ${kb(f.gzip)} KB gzip`);
console.log(`Participant app initial JS: ${kb(total)} KB gzip (budget ${BUDGET_KB} KB); CSS ${kb(styles.reduce((s, f) => s + f.gzip, 0))} KB gzip.`);
if (js.length === 0) {
  console.error('No entry script found in dist/index.html.');
  process.exit(1);
}
if (total > BUDGET_KB * 1024) {
  console.error(`Over budget by ${kb(total - BUDGET_KB * 1024)} KB.`);
  process.exit(1);
}
