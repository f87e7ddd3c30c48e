// Bundle the server with the workspace packages it imports; npm dependencies stay external.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { bundleOptions } from './bundle-options.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})].filter(
  (name) => !name.startsWith('@leadboard/'),
);

await build({
  ...bundleOptions,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  sourcemap: true,
  external,
  logLevel: 'warning',
});
