import { builtinModules } from 'node:module';
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { bundleOptions } from '../../apps/server/bundle-options.mjs';

/** Where the bundles go: beside the harness, ignored by git. */
const outDir = fileURLToPath(new URL('./.build/', import.meta.url));
const builtins = new Set(builtinModules);

/**
 * npm packages stay outside the bundle, as in the server's own build (`apps/server/build.mjs`), but
 * by absolute path: the bundle runs from `.build/`, where a package name would not resolve.
 */
const npmOutside: Plugin = {
  name: 'npm-outside',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'npm-outside' || args.path.startsWith('@leadboard/')) return undefined;
      if (args.path.startsWith('node:') || builtins.has(args.path)) return { path: args.path, external: true };
      const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'npm-outside' });
      if (found.errors.length) return { errors: found.errors };
      return { path: found.path, external: true };
    });
  },
};

const built = new Map<string, Promise<string>>();

/**
 * A server under test, bundled as the server ships: esbuild with the server's settings
 * (`bundleOptions`), the workspace's TypeScript compiled in, no keepNames. Running it through tsx
 * instead would measure a build that wraps every named closure in a `__name` call the shipped
 * server never makes. Built once per harness process.
 */
export function bundledServer(entry: string): Promise<string> {
  let bundle = built.get(entry);
  if (!bundle) {
    bundle = buildBundle(entry);
    built.set(entry, bundle);
  }
  return bundle;
}

async function buildBundle(entry: string): Promise<string> {
  const result = await build({
    ...bundleOptions,
    entryPoints: [entry],
    // As Node resolves: without esbuild's extra `module` condition.
    conditions: ['node'],
    plugins: [npmOutside],
    logLevel: 'warning',
    write: false,
    outdir: outDir,
  });
  const code = result.outputFiles[0]!.contents;
  // Named by content and written whole, then renamed: a load run and the smoke test may build at once.
  const name = entry.split('/').pop()!.replace(/\.ts$/, '');
  const outfile = `${outDir}${name}-${createHash('sha256').update(code).digest('hex').slice(0, 12)}.mjs`;
  mkdirSync(outDir, { recursive: true });
  const partial = `${outfile}.${process.pid}`;
  writeFileSync(partial, code);
  renameSync(partial, outfile);
  return outfile;
}
