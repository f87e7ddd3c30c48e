import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'load-smoke',
    include: ['load/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
