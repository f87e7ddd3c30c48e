import type { BuildOptions } from 'esbuild';

export declare const bundleOptions: Pick<BuildOptions, 'bundle' | 'platform' | 'format' | 'target'>;
