// Rewrites the golden files from the current formatters: `npx tsx packages/core/src/export/__golden__/update.mjs`.
// Read the diff before committing it: the goldens are what the tests hold the exports to, byte for byte.
import { writeFileSync } from 'node:fs';
import { goldenFiles } from '../golden-files.ts';

for (const [name, content] of Object.entries(goldenFiles())) {
  writeFileSync(new URL(name, import.meta.url), content);
  console.log(`wrote ${name}`);
}
