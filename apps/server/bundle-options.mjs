/**
 * How the server is bundled: shared by its build (`build.mjs`) and by the load harness, which
 * measures the server as it ships (`tests/load/server-bundle.ts`).
 */
export const bundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
};
