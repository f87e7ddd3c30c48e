import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Debian's Chromium where it is installed (CI installs it); CHROMIUM_PATH overrides; else Playwright's own. */
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const memoryPort = Number(process.env.E2E_MEMORY_PORT ?? 3310);
const redisPort = Number(process.env.E2E_REDIS_PORT ?? 3311);
const redisUrl = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379/13';

const server = (port: number, env: Record<string, string>) => ({
  command: 'node ../apps/server/dist/index.js',
  url: `http://127.0.0.1:${port}/healthz`,
  env: { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
  reuseExistingServer: false,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
  timeout: 30_000,
});

export default defineConfig({
  testDir: './e2e',
  outputDir: './artifacts/results',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two files at a time: one per core. Each test makes its own workshop, so they do not interfere.
  workers: 2,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    actionTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: [server(memoryPort, {}), server(redisPort, { REDIS_URL: redisUrl })],
  projects: [
    { name: 'memory', use: { baseURL: `http://127.0.0.1:${memoryPort}` } },
    // Against Redis, the whole-workshop scenario: the other specs exercise the same server code paths.
    { name: 'redis', testMatch: /workshop\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${redisPort}` } },
  ],
});
