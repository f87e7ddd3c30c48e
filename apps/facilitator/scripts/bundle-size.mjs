// What each page of the facilitator app loads before it can draw: the entry, the page's chunk and
// everything those import statically, gzipped. The console is the page the budget is about.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// 100 KB until the screens spoke two languages: vue-i18n's runtime with its message compiler and the
// English catalogues (core's workshop content and notices, the app's own words) took the console from
// 95.9 KB to 108.0 KB, with each phase's view fetched only when the room reaches it and vue-i18n's
// namespace import of Vue narrowed (docs/performance.md, "Facilitator app bundle").
const BUDGET_KB = 110;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const PAGES = {
  console: 'src/console/ConsolePage.vue',
  stage: 'src/stage/StagePage.vue',
  start: 'src/start/StartPage.vue',
  report: 'src/report/ReportPage.vue',
};

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const gzipped = new Map();
const size = (file) => {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(dist, file))).length);
  return gzipped.get(file);
};

/** A chunk and its static imports, transitively: what the browser fetches before running it. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(dep, seen);
  return seen;
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
let consoleTotal = 0;
for (const [page, key] of Object.entries(PAGES)) {
  if (!manifest[key]) {
    console.error(`No chunk for the ${page} page (${key}) in the build manifest.`);
    process.exit(1);
  }
  const files = [...new Set([...closure(entry), ...closure(key)])].map((k) => manifest[k].file);
  const js = files.reduce((sum, file) => sum + size(file), 0);
  const css = [...new Set([...closure(entry), ...closure(key)].flatMap((k) => manifest[k].css ?? []))].reduce((sum, file) => sum + size(file), 0);
  if (page === 'console') consoleTotal = js;
  console.log(`  ${page.padEnd(8)} ${kb(js).padStart(6)} KB JS gzip, ${kb(css).padStart(5)} KB CSS gzip  (${files.length} files)`);
}
console.log(`Facilitator console initial JS: ${kb(consoleTotal)} KB gzip (budget ${BUDGET_KB} KB).`);
if (consoleTotal > BUDGET_KB * 1024) {
  console.error(`Over budget by ${kb(consoleTotal - BUDGET_KB * 1024)} KB.`);
  process.exit(1);
}
